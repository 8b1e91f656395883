import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  containedPath, isInside, readRegularFile, realFs, safeFileName, safeFileStem, SafeWriteError, writeFileSafely, type WriteFs,
} from '../../server/io/safe-write';

const refused = (kind: string) => (e: unknown) => e instanceof SafeWriteError && e.kind === kind;

describe('io: safe writes (server/io/safe-write.ts)', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trial-safe-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('file names from content: separators, "..", control characters and reserved names cannot escape or misbehave', () => {
    assert.equal(safeFileName('NCT04743739', '.trial'), 'NCT04743739.trial');
    assert.equal(safeFileName('../outside/x', '.trial'), 'outside-x.trial');
    assert.equal(safeFileName('..', '.trial'), 'untitled.trial');
    assert.equal(safeFileName('/etc/passwd', '.trial'), 'etc-passwd.trial');
    assert.equal(safeFileName('a\\..\\..\\b', '.trial'), 'a-.-.-b.trial');
    assert.equal(safeFileName('x\u0000y\nz', '.trial'), 'x-y-z.trial');
    assert.equal(safeFileName('.hidden', '.trial'), 'hidden.trial');
    assert.equal(safeFileName('CON', '.trial'), 'CON-file.trial');
    assert.equal(safeFileStem('', 'study-3'), 'study-3');
    assert.ok(safeFileStem('x'.repeat(10_000)).length <= 120);
    for (const hostile of ['../../x', '..\\..\\x', '/abs', 'a/../../b', '\u202e..', '....//x']) {
      const name = safeFileName(hostile, '.trial');
      assert.ok(!name.includes('/') && !name.includes('\\') && !name.startsWith('.'), name);
      assert.ok(isInside(dir, containedPath(dir, name)), name);
    }
  });

  it('containedPath refuses a name that leaves its folder', () => {
    assert.throws(() => containedPath(dir, '../x.trial'), refused('outside'));
    assert.throws(() => containedPath(dir, '/tmp/x.trial'), refused('outside'));
    assert.throws(() => containedPath(dir, '.'), refused('outside'));
    assert.equal(containedPath(dir, 'a.trial'), path.join(dir, 'a.trial'));
  });

  it('never replaces an existing file without overwrite; with it, replaces atomically', () => {
    const target = path.join(dir, 'a.trial');
    writeFileSafely(target, 'one\n');
    assert.throws(() => writeFileSafely(target, 'two\n'), refused('exists'));
    assert.equal(fs.readFileSync(target, 'utf8'), 'one\n');
    writeFileSafely(target, 'two\n', { overwrite: true });
    assert.equal(fs.readFileSync(target, 'utf8'), 'two\n');
    assert.deepEqual(fs.readdirSync(dir), ['a.trial']);
  });

  it('refuses a symlink, even with overwrite, and leaves the file it points to alone', () => {
    const victim = path.join(dir, 'victim.txt');
    fs.writeFileSync(victim, 'precious\n');
    const link = path.join(dir, 'link.trial');
    fs.symlinkSync(victim, link);
    assert.throws(() => writeFileSafely(link, 'x'), refused('symlink'));
    assert.throws(() => writeFileSafely(link, 'x', { overwrite: true }), refused('symlink'));
    assert.equal(fs.readFileSync(victim, 'utf8'), 'precious\n');
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    fs.symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'dangling.trial'));
    assert.throws(() => writeFileSafely(path.join(dir, 'dangling.trial'), 'x'), refused('symlink'));
    assert.ok(!fs.existsSync(path.join(dir, 'nowhere')));
  });

  it('refuses a FIFO, a device and a folder, leaving them as they are', () => {
    const fifo = path.join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    assert.throws(() => writeFileSafely(fifo, 'x', { overwrite: true }), (e) => refused('not-regular')(e) && /named pipe/.test((e as Error).message));
    assert.ok(fs.lstatSync(fifo).isFIFO());
    assert.throws(() => writeFileSafely('/dev/null', 'x', { overwrite: true }), (e) => refused('not-regular')(e) && /device/.test((e as Error).message));
    assert.ok(fs.statSync('/dev/null').isCharacterDevice());
    assert.throws(() => writeFileSafely(dir, 'x', { overwrite: true }), refused('not-regular'));
    assert.throws(() => readRegularFile(fifo), refused('not-regular'));
    assert.deepEqual(fs.readdirSync(dir), ['pipe.json']);
  });

  it('a failure mid-write leaves no file and no temporary file', () => {
    const target = path.join(dir, 'record.json');
    const failing: WriteFs = { ...realFs, writeFileSync: (f, d, e) => { realFs.writeFileSync(f, d.slice(0, 10), e); throw new Error('disk full'); } };
    assert.throws(() => writeFileSafely(target, '{"protocolSection": {}}\n', { fs: failing }), /disk full/);
    assert.deepEqual(fs.readdirSync(dir), []);
    const failingLink: WriteFs = { ...realFs, linkSync: () => { throw Object.assign(new Error('io'), { code: 'EIO' }); } };
    assert.throws(() => writeFileSafely(target, '{}\n', { fs: failingLink }), refused('io'));
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  it('an existing file is kept intact when the replacing write fails', () => {
    const target = path.join(dir, 'record.json');
    fs.writeFileSync(target, 'old\n');
    const failing: WriteFs = { ...realFs, renameSync: () => { throw new Error('rename failed'); } };
    assert.throws(() => writeFileSafely(target, 'new\n', { overwrite: true, fs: failing }), /rename failed/);
    assert.equal(fs.readFileSync(target, 'utf8'), 'old\n');
    assert.deepEqual(fs.readdirSync(dir), ['record.json']);
  });

  it('a file that appears between the check and the write is not replaced (link, not rename)', () => {
    const target = path.join(dir, 'race.json');
    const racing: WriteFs = { ...realFs, writeFileSync: (f, d, e) => { fs.writeFileSync(target, 'theirs\n'); realFs.writeFileSync(f, d, e); } };
    assert.throws(() => writeFileSafely(target, 'mine\n', { fs: racing }), refused('exists'));
    assert.equal(fs.readFileSync(target, 'utf8'), 'theirs\n');
    assert.deepEqual(fs.readdirSync(dir), ['race.json']);
  });

  it('on a file system without hard links it falls back to a checked rename', () => {
    const target = path.join(dir, 'nolink.json');
    const noLinks: WriteFs = { ...realFs, linkSync: () => { throw Object.assign(new Error('not permitted'), { code: 'EPERM' }); } };
    writeFileSafely(target, 'ok\n', { fs: noLinks });
    assert.equal(fs.readFileSync(target, 'utf8'), 'ok\n');
    assert.deepEqual(fs.readdirSync(dir), ['nolink.json']);
  });
});
