/** `trial check`, loaded when it runs (dist/cli-check.js). No zod: the checks use registry/formats.ts, not the schema. */
export * from '../check';
