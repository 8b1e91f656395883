/** Where `trial corpus` looks by default (its own module: `trial --help` shows them without loading the corpus). */
export const DEFAULT_CORPUS = '../shared/registry-records';
export const DEFAULT_EXPECTED = 'test/corpus/expected.json';
