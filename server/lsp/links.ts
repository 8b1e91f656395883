/** Document links: PMIDs to PubMed, NCT ids to ClinicalTrials.gov (anywhere: statements, texts, comments). */
import type { DocumentLink } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export const MAX_LINKS = 5000;

export function documentLinks(doc: TextDocument): DocumentLink[] {
  const text = doc.getText();
  const links: DocumentLink[] = [];
  const add = (start: number, end: number, target: string, tooltip: string): void => {
    if (links.length < MAX_LINKS) links.push({ range: { start: doc.positionAt(start), end: doc.positionAt(end) }, target, tooltip });
  };
  for (const m of text.matchAll(/\bpmid\s+(\d{1,9})\b/gi)) {
    const start = m.index! + m[0].length - m[1].length;
    add(start, start + m[1].length, `https://pubmed.ncbi.nlm.nih.gov/${m[1]}/`, 'Open in PubMed');
  }
  for (const m of text.matchAll(/\bNCT\d{8}\b/g)) add(m.index!, m.index! + m[0].length, `https://clinicaltrials.gov/study/${m[0]}`, 'Open on ClinicalTrials.gov');
  return links.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
