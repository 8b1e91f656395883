/**
 * The legacy responsible party (`oldNameTitle`, `oldOrganization`: records registered before the
 * registry's 2011 responsible-party form): every shared record that carries it is imported into
 * `responsible party "…" organization "…"` and exported back to the same object, shown by the
 * preview, and reported as an error: the upload schema requires a type (its legacy elements are deprecated).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildRecord, diagnoseText } from '../../server/export';
import { importRecord } from '../../server/import';
import { registryPreview } from '../../server/view/preview';
import { findShared } from '../export/shared';

const dir = path.join(findShared(), 'registry-records');
const files = [dir, path.join(dir, 'corpus')].flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.json')).map((f) => path.join(d, f)));
const legacy = files
  .map((file) => ({ file, json: JSON.parse(fs.readFileSync(file, 'utf8')) }))
  .filter(({ json }) => {
    const rp = (json.studies?.[0] ?? json).protocolSection?.sponsorCollaboratorsModule?.responsibleParty;
    return rp && (rp.oldNameTitle !== undefined || rp.oldOrganization !== undefined);
  });

describe('import/export: the legacy responsible party of real records', function () {
  this.timeout(60000);
  it('the shared records include legacy responsible parties', () => assert.ok(legacy.length >= 2, `found ${legacy.length}`));

  for (const { file, json } of legacy) {
    describe(path.basename(file), () => {
      const original = (json.studies?.[0] ?? json).protocolSection.sponsorCollaboratorsModule.responsibleParty;
      const [t] = importRecord(json);
      const { model, diagnostics } = diagnoseText(t!.text);

      it('round-trips the responsible party unchanged', () => {
        assert.deepEqual((buildRecord(model).record as any).protocolSection?.sponsorCollaboratorsModule?.responsibleParty, original);
        assert.ok(!t!.notes.some((n) => /responsibleParty/.test(n)), t!.notes.join('\n'));
      });

      it('the preview shows the name/title and the organization', () => {
        const shown = registryPreview(model, diagnostics).sections.find((s) => s.id === 'sponsors')!.fields.find((f) => f.label === 'Responsible party')?.value ?? '';
        for (const v of [original.oldNameTitle, original.oldOrganization].filter((x) => x !== undefined)) assert.ok(shown.includes(v), `${shown} lacks ${v}`);
      });

      it('an error, on the statement: the legacy form has no type, which the upload schema requires', () => {
        const found = diagnostics.filter((d) => d.code === 'registry-missing-element' && /responsible party's type/.test(d.message));
        assert.deepEqual(found.map((d) => d.severity), ['error']);
        assert.match(t!.text.slice(found[0]!.range.start.offset, found[0]!.range.end.offset), /^responsible party "/);
      });
    });
  }
});
