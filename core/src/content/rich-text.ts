// PLACEHOLDER — owned by the rich-text work (issue 6). Keep the exported class name.
import { Service } from '../plugin-api/decorators.js';

/** Rich text conversions for plugins. */
@Service()
export class RichText {}
