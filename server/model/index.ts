/** The semantic model over the AST; see model.ts. */
export * from './model';
export * from './registry-words';
export * from './dose-days';
export * from './study-calendar';
export * from './criteria';
