import { randomUUID } from 'node:crypto';

/**
 * Fences user-authored Atlassian content as untrusted data. The fence carries a per-response
 * random id, and anything in the content that looks like a fence tag is defused, so content
 * cannot close the fence early or open a fake "trusted" section.
 */
export class Fencer {
  readonly id: string;
  constructor(id = randomUUID().slice(-6)) {
    this.id = id;
  }

  fence(content: string, label?: string): string {
    if (content.trim() === '') return content;
    const safeLabel = label ? ` ${label.replace(/[^\w .:-]/g, '')}` : '';
    return `<untrusted ${this.id}${safeLabel}>\n${defuse(content)}\n</untrusted ${this.id}>`;
  }
}

/** Breaks anything shaped like a fence tag, with a zero-width joiner the model still reads as text. */
export function defuse(content: string): string {
  return content.replace(/<(\/?)(untrusted)/gi, '<$1\u200d$2');
}
