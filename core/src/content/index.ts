export type { AdfDoc, AdfMark, AdfNode } from './adf-types.js';
export { emptyAdfDoc } from './adf-types.js';
export type { MediaResolver } from './adf-inline-to-mdast.js';
export { AdfValidator } from './adf-validator.js';
export { PLACEHOLDER_SYNTAX, parsePlaceholder, formatPlaceholder, type Placeholder } from './placeholder-syntax.js';
export { sectionEditSchema, type SectionEdit } from './section-edit.js';
export { RichText, type AdfToMarkdownOptions } from './rich-text.js';
export { ConfluenceStorage, type StorageOptions, type UserResolver } from './confluence-storage.js';
export { normaliseAdf } from './adf-normalise.js';
