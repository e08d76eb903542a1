import { randomUUID } from 'node:crypto';
import { neutralise } from './neutralise.js';

/**
 * Fences user-authored Atlassian content as untrusted data. The fence carries a per-response
 * random id, and anything in the content that reads as a fence tag — in ASCII or in look-alike
 * characters — is neutralised, so content cannot close the fence early or open a fake one.
 */
export class Fencer {
  readonly id: string;
  constructor(id = randomUUID().slice(-6)) {
    this.id = id;
  }

  fence(content: string, label?: string): string {
    if (content.trim() === '') return content;
    const safeLabel = label ? ` ${label.replace(/[^\w .:-]/g, '')}` : '';
    return `<untrusted ${this.id}${safeLabel}>\n${neutralise(content)}\n</untrusted ${this.id}>`;
  }
}
