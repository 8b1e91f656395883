/** `trial export`, loaded when it runs (dist/cli-export.js): validates records with zod, jitless. */
import '../jitless-zod';
export * from '../export';
