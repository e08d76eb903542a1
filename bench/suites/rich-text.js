module.exports = { id: 'rich-text', title: 'rich-text', run: async () => { throw new Error('todo'); } };
