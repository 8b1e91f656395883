/**
 * The registry preview shows every field the export writes: for the examples and every shared real
 * record (imported), each leaf of the exported protocolSection is named by a preview field, whose
 * label or value shows it (texts as written, registry words in words, yes/no answers, numbers).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildRecord, diagnoseText } from '../../server/export';
import { importRecord } from '../../server/import';
import { registryPreview } from '../../server/view/preview';
import { findShared } from '../export/shared';
import { examplesDir } from '../helpers/paths';

/** Every leaf of a JSON value with its concrete path (`a.b[0].c`). */
function leaves(v: unknown, p: string, out: [string, unknown][] = []): [string, unknown][] {
  if (Array.isArray(v)) v.forEach((x, i) => leaves(x, `${p}[${i}]`, out));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) leaves(x, p ? `${p}.${k}` : k, out);
  else out.push([p, v]);
  return out;
}

/** How a leaf reads in the preview: a registry word (`ACTIVE_COMPARATOR`) in words, yes/no for booleans. */
function readings(v: unknown): string[] {
  if (typeof v === 'boolean') return [v ? 'yes' : 'no'];
  if (typeof v === 'number') return [String(v)];
  const s = String(v).toLowerCase();
  return /^[a-z0-9_]+$/.test(s) ? [s, s.replace(/_/g, ' ')] : [s];
}

const dir = path.join(findShared(), 'registry-records');
const records = [dir, path.join(dir, 'corpus')].flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.json')).map((f) => path.join(d, f)));
const protocols: [string, string][] = [
  ...fs.readdirSync(examplesDir).filter((f) => f.endsWith('.trial')).map((f): [string, string] => [f, fs.readFileSync(path.join(examplesDir, f), 'utf8')]),
  ...records.map((f): [string, string] => [path.relative(dir, f), importRecord(JSON.parse(fs.readFileSync(f, 'utf8')))[0]!.text]),
];

describe('view: the registry preview shows every field the export writes', function () {
  this.timeout(120000);
  it('covers the examples and every shared record', () => assert.ok(protocols.length > records.length && records.length >= 200));

  it('every leaf of every exported record is shown by a field naming its path, with its value', () => {
    const missing: string[] = [];
    const seen = new Set<string>();
    for (const [name, text] of protocols) {
      const { model, diagnostics } = diagnoseText(text);
      const ps = (buildRecord(model).record as { protocolSection?: unknown }).protocolSection;
      const fields = registryPreview(model, diagnostics).sections.flatMap((s) => s.fields);
      for (const [p, v] of leaves(ps, '')) {
        seen.add(p.replace(/\[\d+\]/g, '[]'));
        const f = fields.find((x) => x.paths.includes(p));
        const shown = f ? `${f.label}\n${f.value ?? ''}`.toLowerCase() : ''; // the label shows some values (an arm's type and label)
        if (!f || !readings(v).some((r) => shown.includes(r))) missing.push(`${name}: ${p} = ${JSON.stringify(v).slice(0, 60)} ${f ? `shown as ${JSON.stringify(f.value?.slice(0, 60))}` : 'not shown'}`);
      }
    }
    assert.deepEqual(missing.slice(0, 20), []);
    // The records exercise the fields the issue names: observational design, oversight, IPD sharing,
    // expanded access, the organization, the legacy responsible party, gender-based eligibility.
    for (const p of ['designModule.designInfo.observationalModel', 'oversightModule.isFdaRegulatedDrug', 'ipdSharingStatementModule.ipdSharing',
      'statusModule.expandedAccessInfo.hasExpandedAccess', 'identificationModule.organization.fullName', 'sponsorCollaboratorsModule.responsibleParty.oldNameTitle',
      'eligibilityModule.genderBased', 'referencesModule.references[].citation', 'contactsLocationsModule.centralContacts[].email']) assert.ok(seen.has(p), p);
  });
});
