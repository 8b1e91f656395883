/** `trial fmt`, loaded when it runs (dist/cli-fmt.js). No zod. */
export * from '../fmt';
