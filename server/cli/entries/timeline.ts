/** `trial timeline` and `trial preview`, loaded when one runs (dist/cli-timeline.js). No zod. */
export * from '../timeline';
