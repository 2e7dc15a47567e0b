// Placeholder: `npm run bench -- --soak` is being written (issue 18).
console.error('npm run bench -- --soak is not written yet');
process.exitCode = 1;
