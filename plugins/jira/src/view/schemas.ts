// The full shapes of what tools return (their TypeScript types). The advertised output schemas are
// deliberately leaner (outputs.ts): every schema is paid for in each tools/list.
import * as z from 'zod';

/** One search result row. */
export const issueRowSchema = z.object({
  key: z.string(),
  summary: z.string(),
  status: z.string().optional(),
  assignee: z.string().optional(),
  fields: z.record(z.string(), z.string()).optional(),
});
export type IssueRow = z.infer<typeof issueRowSchema>;

export const commentSchema = z.object({
  id: z.string(),
  author: z.string().optional(),
  created: z.string().optional(),
  edited: z.boolean().optional(),
  body: z.string(),
});
export type CommentView = z.infer<typeof commentSchema>;

export const commentPageSchema = z.object({
  total: z.number(),
  comments: z.array(commentSchema),
  nextCursor: z.string().optional(),
});

export const worklogSchema = z.object({
  id: z.string(),
  author: z.string().optional(),
  started: z.string().optional(),
  timeSpent: z.string(),
  comment: z.string().optional(),
});
export type WorklogView = z.infer<typeof worklogSchema>;

const relatedIssue = z.object({ key: z.string(), summary: z.string().optional(), status: z.string().optional() });

export const issueDetailSchema = z.object({
  key: z.string(),
  summary: z.string(),
  status: z.string().optional(),
  type: z.string().optional(),
  priority: z.string().optional(),
  project: z.string().optional(),
  assignee: z.string().optional(),
  reporter: z.string().optional(),
  created: z.string().optional(),
  updated: z.string().optional(),
  due: z.string().optional(),
  resolution: z.string().optional(),
  parent: relatedIssue.optional(),
  labels: z.array(z.string()).optional(),
  components: z.array(z.string()).optional(),
  fixVersions: z.array(z.string()).optional(),
  time: z
    .object({ estimate: z.string().optional(), remaining: z.string().optional(), spent: z.string().optional() })
    .optional(),
  fields: z.record(z.string(), z.string()).optional().describe('Other non-empty fields by display name'),
  description: z.string().optional(),
  subtasks: z.array(relatedIssue).optional(),
  links: z.array(relatedIssue.extend({ relation: z.string() })).optional(),
  attachments: z
    .array(z.object({ id: z.string(), filename: z.string(), size: z.string().optional(), uri: z.string() }))
    .optional(),
  comments: commentPageSchema.optional(),
  worklogs: z.object({ total: z.number(), worklogs: z.array(worklogSchema) }).optional(),
  transitions: z.array(z.object({ name: z.string(), to: z.string().optional() })).optional(),
});
export type IssueDetail = z.infer<typeof issueDetailSchema>;
