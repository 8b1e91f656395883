// tsconfig uses `moduleResolution: node` (node10), which ignores package.json "exports", so the
// `vscode-languageclient/node` subpath has no types for tsc. Point it at the real declarations.
// esbuild (which honours "exports") resolves the import itself. Harmless once tsconfig moves to node16.
declare module 'vscode-languageclient/node' {
  export * from 'vscode-languageclient/lib/node/main';
}
