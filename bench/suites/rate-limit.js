module.exports = { id: 'rate-limit', title: 'rate-limit', run: async () => { throw new Error('todo'); } };
