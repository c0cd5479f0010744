module.exports = "${{ values.name }}";
