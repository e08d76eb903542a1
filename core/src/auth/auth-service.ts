// PLACEHOLDER — owned by the HTTP/auth work (issue 5). Keep the exported class name.
import { Service } from '../plugin-api/decorators.js';

/** Credentials and the site they belong to. */
@Service()
export class AuthService {}
