// node-plop imports inquirer 9 for its own prompting, which the CLI never uses: it asks
// with @inquirer/prompts and only calls runActions. Bundling this stub instead saves ~0.8 MB.
function prompt() {
  throw new Error('create-pod-pattern asks with @inquirer/prompts; node-plop prompting is not bundled');
}
prompt.prompts = {};
export default { registerPrompt() {}, prompt, createPromptModule: () => prompt };
