module.exports = { id: 'sandbox', title: 'sandbox', run: async () => { throw new Error('todo'); } };
