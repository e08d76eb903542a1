'use strict';
// The Service Management part of `npm run demo`: the seed's service-request use case — find the
// desk and request type, raise a request with its required fields on a customer's behalf, an
// internal note and a public reply, the SLA, the approval, resolve it, answer from the knowledge base.

/** Runs the steps with the demo's `step(title, tool, args)`; returns nothing, failures are counted by `step`. */
async function serviceDeskDemo(step, sandbox) {
  const alex = sandbox.credentials.users.find((u) => u.displayName === 'Alex Morgan');
  await step('A customer writes in: find the IT desk', 'servicedesk_list_service_desks', { query: 'it' });
  await step('Find the request type for new hardware', 'servicedesk_list_request_types', {
    serviceDeskId: 'ITS',
    query: 'hardware',
  });
  await step('See which fields it needs (by the names the customer sees)', 'servicedesk_get_request_type_fields', {
    serviceDeskId: 'ITS',
    requestTypeId: '3',
  });
  const created = await step("Raise it on the customer's behalf", 'servicedesk_create_request', {
    serviceDeskId: 'ITS',
    requestTypeId: '3',
    summary: 'Laptop for the new store manager',
    fields: { 'Hardware type': 'Laptop', 'Business justification': 'The new store opens in **March**.' },
    onBehalfOf: alex.email,
  });
  const key = (created.structuredContent && created.structuredContent.key) || 'ITS-15';
  await step('An internal note for the team (the customer does not see it)', 'servicedesk_add_comment', {
    issueKey: key,
    body: 'Check stock in Berlin before ordering.',
    public: false,
  });
  await step('A public reply to the customer', 'servicedesk_add_comment', {
    issueKey: key,
    body: 'Thanks Alex, we are on it.',
    public: true,
  });
  await step('How is the SLA doing?', 'servicedesk_get_sla', { issueKey: key });
  await step('Approve it (as its approver)', 'servicedesk_approve_request', { issueKey: key, decision: 'approve' });
  await step('Resolve it', 'servicedesk_transition_request', { issueKey: key, transition: 'Resolve this issue' });
  await step('Answer a follow-up from the knowledge base', 'servicedesk_search_knowledge_base', {
    query: 'laptop',
    serviceDeskId: 'ITS',
  });
}

module.exports = { serviceDeskDemo };
