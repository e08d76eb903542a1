module.exports = { id: 'cold-start', title: 'cold-start', run: async () => { throw new Error('todo'); } };
