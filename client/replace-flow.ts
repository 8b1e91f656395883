/**
 * The editor's half of safe writes (server/io/safe-write.ts): the server never replaces a file on
 * its own and answers `{ ok: false, exists: <path> }` instead; the client asks the writer and sends
 * the request again with `overwrite: true` only when the answer is yes. Pure (no `vscode`): the
 * question is passed in (commands.ts passes the modal "Replace?"), so the flow is tested against
 * the real server without an editor (test/client/replace-flow.test.ts).
 */

/** The answer shape the flow reads: a refusal that names an existing file is a question. */
interface MaybeExists {
  ok?: boolean;
  exists?: unknown;
}

export async function requestWithReplace<P extends object, R>(
  send: (params: P & { overwrite?: boolean }) => Promise<R | undefined>,
  params: P,
  ask: (file: string) => Promise<boolean>,
): Promise<R | undefined> {
  const first = await send(params);
  const answer = first as MaybeExists | undefined;
  if (!answer || answer.ok === true || typeof answer.exists !== 'string') return first;
  if (!(await ask(answer.exists))) return first;
  return send({ ...params, overwrite: true });
}
