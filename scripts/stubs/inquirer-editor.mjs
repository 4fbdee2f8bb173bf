// @inquirer/prompts re-exports the editor prompt, whose external-editor pulls in iconv-lite
// (~0.5 MB). The CLI asks with `input` and `select` only.
export default function editor() {
  throw new Error('the editor prompt is not bundled in create-pod-pattern');
}
