/**
 * The comments of the generated manifests: one at each teaching point, short enough to read
 * beside the YAML. src/manifests/comments.ts decides where each goes.
 */
const and = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

export const manifests = {
  replicas: ({ replicas, containers }: { replicas: number; containers: string[] }) =>
    containers.length > 1
      ? `${replicas} ${replicas === 1 ? 'copy' : 'copies'} of the whole pod below: each has its own ${and(containers)}. Helpers scale with the app.`
      : `${replicas} ${replicas === 1 ? 'copy' : 'copies'} of the pod below.`,
  podTemplate:
    'The pod, the smallest deployable unit: its containers are scheduled onto one node and started\nand stopped together; they share one network (one IP, one localhost) and can share volumes.',
  scrapeAnnotations: ({ port, path }: { port: string; path: string }) =>
    `A Prometheus that discovers pods scrapes :${port}${path} because of these annotations.`,
  podSecurityContext: 'Pod Security Standard "restricted", pod half: a numeric non-root user and the RuntimeDefault seccomp profile.',
  nativeSidecar: ({ name }: { name: string }) =>
    `restartPolicy: Always makes ${name} a native sidecar (Kubernetes 1.29+): it starts before\nthe app, runs beside it and is stopped only after the app has exited.`,
  classicSidecar: ({ name }: { name: string }) =>
    `${name} is a helper, here a classic sidecar: an ordinary container that starts and stops with the others.`,
  loopbackPort: ({ port, name }: { port: number; name: string }) =>
    `Port ${name} listens on 127.0.0.1:${port} only: the other containers of this pod reach it over localhost,\nnothing outside the pod can. Declared anyway, so every port of the pod is listed and no other container takes it.`,
  ports: 'One IP for the whole pod: no two of its containers may listen on the same port.',
  env: 'Every port, path and upstream the code uses is set here: the manifest is the one place a value lives.',
  securityContext: 'Restricted: no privilege escalation, a read-only root filesystem, every Linux capability dropped.',
  resources: ({ memory }: { memory: string }) =>
    `Requests reserve room on a node; limits cap the container (past ${memory} of memory it is killed and restarted).`,
  startupProbe: 'Startup probe: the containers after this one are started only once it passes.',
  readinessProbe: 'Readiness probe: while it fails, the Service sends this pod no traffic.',
  livenessProbe: 'Liveness probe: when it keeps failing, the kubelet restarts this container.',
  volumeMount: ({ volume, others }: { volume: string; others: string[] }) =>
    others.length
      ? `The shared volume ${volume}: ${and(others)} ${others.length === 1 ? 'mounts' : 'mount'} it too.`
      : `The volume ${volume}.`,
  volumes: ({ name, containers, sizeLimit }: { name: string; containers: string[]; sizeLimit: string }) =>
    `${name} is an emptyDir: a folder made for this pod and deleted with it, shared by ${and(containers)}.\nPast its sizeLimit (${sizeLimit}) the kubelet evicts the pod.`,
  serviceSelector: 'The Service sends traffic to every ready pod with these labels.',
  servicePorts: 'Targets the container port by name, so the number lives in one place.',
  namespaceLabels: 'The API server refuses any pod in this namespace that breaks the restricted Pod Security Standard.',
  kustomization: ({ folder }: { folder: string }) =>
    `kubectl apply -k ${folder}/ creates these objects; kubectl delete -k ${folder}/ removes them.`,

  // The anti-pattern project: the wrong pod, and the fix's StatefulSet and headless Service.
  replicasOfEverything: ({ replicas, containers }: { replicas: number; containers: string[] }) =>
    `${replicas} ${replicas === 1 ? 'copy' : 'copies'} of the whole pod below: ${replicas === 1 ? 'one' : replicas} of each of ${and(containers)}.\nA pod scales as a whole, so more web or app means more databases too, each with data of its own.`,
  mainServicesInOnePod: ({ containers }: { containers: string[] }) =>
    `THE MISTAKE this folder shows: ${and(containers)} are main services, each with a port of its own, in one pod.\nThey share one fate: scheduled onto one node (its failure takes all of them), one unready container makes the\nwhole pod unready, they scale together, and changing any one of them replaces the pod, the database too.\nA pod holds one main service and the helpers that serve it. The fix, in k8s/: a workload and a Service for each.`,
  dataOnEmptyDir: ({ name, containers }: { name: string; containers: string[]; sizeLimit: string }) =>
    `${name} is an emptyDir holding the data of ${and(containers)}: it is made with this pod and deleted with it.\nA rollout, an eviction or a move to another node starts the database empty. The fix keeps data on a PersistentVolumeClaim.`,
  replicasOfDatabase: ({ replicas }: { replicas: number }) =>
    `${replicas} database pod. More replicas would be more databases, not a bigger one: replicating a database is the\ndatabase's own job (PostgreSQL or MySQL replication, usually run by an operator).`,
  statefulSetServiceName: ({ service }: { service: string }) =>
    `The headless Service ${service} gives each pod a stable DNS name (${service}-0.${service}); the pods keep their names across restarts.`,
  volumeClaimTemplates: ({ claims }: { claims: string[] }) =>
    `Each pod gets a PersistentVolumeClaim of its own (${and(claims)}), made once and kept: a restart, a rollout or a\nmove to another node finds the same data. Deleting the StatefulSet keeps it too; delete the claim to drop the data.`,
  headlessService:
    "clusterIP: None makes this Service headless: no virtual IP; its name resolves to the pods themselves,\nso clients use the pod's own port. A StatefulSet names its pods through it.",
  envServiceName: ({ variable, service }: { variable: string; service: string }) =>
    `${variable} names the Service ${service}: cluster DNS resolves the name, and each connection reaches a ready pod behind the Service, wherever it runs.\nNo pod IP is written anywhere; pods come and go, the Service name stays.`,
};
