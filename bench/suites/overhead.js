module.exports = { id: 'overhead', title: 'overhead', run: async () => { throw new Error('todo'); } };
