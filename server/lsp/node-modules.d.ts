// tsconfig uses `moduleResolution: node` (node10), which ignores package.json "exports", so the `/node`
// subpaths of the LSP packages have no types for tsc. Point them at the real declarations. Node and
// esbuild honour "exports" and resolve the imports themselves (as client/languageclient-node.d.ts does).
declare module 'vscode-languageserver/node' {
  export * from 'vscode-languageserver/lib/node/main';
}
declare module 'vscode-languageserver-protocol/node' {
  export * from 'vscode-languageserver-protocol/lib/node/main';
}
declare module 'vscode-jsonrpc/node' {
  export * from 'vscode-jsonrpc/lib/node/main';
}
