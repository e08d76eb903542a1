module.exports = { id: 'tool-list', title: 'tool-list', run: async () => { throw new Error('todo'); } };
