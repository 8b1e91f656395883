// Builds the e2e workspace fixtures. `node test/e2e/fixtures.js <workspaceDir>` (after examples/ is copied in)
// writes complete.trial: the NCT04743739 example completed with what the registry requires (official title,
// why stopped, primary completion, a primary outcome, the organization), i.e. an exportable protocol. The example itself is a
// faithful translation of a record that lacks those, so the server refuses to export it.
const fs = require('fs');
const path = require('path');

function writeComplete(ws) {
  let text = fs.readFileSync(path.join(ws, 'NCT04743739.trial'), 'utf8');
  const edit = (from, to) => {
    if (!text.includes(from)) throw new Error(`examples/NCT04743739.trial no longer contains ${JSON.stringify(from)}`);
    text = text.replace(from, to);
  };
  edit('  brief title ', '  official title "Rituximab Combined With Cyclosporine Versus Rituximab Alone in Idiopathic Membranous Nephropathy"\n  brief title ');
  edit('  status terminated\n', '  status terminated\n  why stopped "Slow enrollment"\n');
  edit('  completion 2024-12-20 actual\n', '  primary completion 2024-12-20 actual\n  completion 2024-12-20 actual\n');
  edit('\neligibility {', '\nprimary outcome "Complete or partial remission" {\n  description "Proteinuria below 3.5 g/24h and halved from baseline"\n  at month 12\n}\n\neligibility {');
  edit('sponsors {\n', 'sponsors {\n  organization "Peking Union Medical College Hospital" class other\n');
  fs.writeFileSync(path.join(ws, 'complete.trial'), text);
}

module.exports = { writeComplete };
if (require.main === module) writeComplete(process.argv[2] || '.');
