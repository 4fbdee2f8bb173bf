// node-plop features the CLI never uses: plop.load() (resolve) and the addMany action
// (tinyglobby). The CLI runs only its own `pod-project` action; `npx plop` uses the real ones.
function notBundled() {
  throw new Error('this node-plop feature is not bundled in create-pod-pattern');
}
export default Object.assign(notBundled, { sync: notBundled });
export const globSync = notBundled;
export const glob = notBundled;
