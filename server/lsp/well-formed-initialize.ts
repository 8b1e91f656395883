/**
 * The `initialize` request as vscode-languageserver may read it. The library reads the request's
 * parameters before our handler sees them (`params.processId`, `params.capabilities.workspace`), so
 * `params: null` or `capabilities: null` would throw inside it and answer a TypeError. The reader
 * is wrapped: an initialize request whose parameters or capabilities are not objects gets empty
 * ones (a client that says nothing about itself: fewer features, never a failure); a `processId`
 * that is not a number becomes `null`. Every other field is checked where it is used (server.ts).
 */
import type { Disposable, Message, MessageReader } from 'vscode-languageserver/node';

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The message with initialize parameters the library can read (other messages unchanged). */
export function wellFormedInitialize(message: Message): Message {
  const m = message as Message & { method?: unknown; id?: unknown; params?: unknown };
  if (m.method !== 'initialize' || m.id === undefined) return message;
  const params = isObject(m.params) ? { ...m.params } : {};
  if (!isObject(params.capabilities)) params.capabilities = {};
  if (typeof params.processId !== 'number') params.processId = null;
  return { ...m, params } as Message;
}

/** A reader that hands on every message through `wellFormedInitialize`. */
export function withWellFormedInitialize(reader: MessageReader): MessageReader {
  return {
    onError: reader.onError,
    onClose: reader.onClose,
    onPartialMessage: reader.onPartialMessage,
    listen: (callback: (message: Message) => void): Disposable => reader.listen((message) => callback(wellFormedInitialize(message))),
    dispose: () => reader.dispose(),
  };
}
