// Placeholder: `npm run bench -- --scale` is being written (issue 18).
console.error('npm run bench -- --scale is not written yet');
process.exitCode = 1;
