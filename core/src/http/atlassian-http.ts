// PLACEHOLDER — owned by the HTTP/auth work (issue 5). Keep the exported class name.
import { Service } from '../plugin-api/decorators.js';

/** The one request path for every plugin. */
@Service()
export class AtlassianHttp {}
