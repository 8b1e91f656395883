/** The `trial` command's version (its own module: `trial --version` loads nothing else). */
export const CLI_VERSION = '0.1.0';
