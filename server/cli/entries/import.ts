/** `trial import`, loaded when it runs (dist/cli-import.js): validates records with zod, jitless. */
import '../jitless-zod';
export * from '../import';
