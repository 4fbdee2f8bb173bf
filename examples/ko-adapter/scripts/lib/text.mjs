// The ko words of the scripts, written by create-pod-pattern.
export const text = {
  "steps": {
    "write": "{path} 파일을 쓴다",
    "wait": "{what} 기다린다",
    "notInstalled": "`{command}` 명령이 설치되어 있지 않다(또는 PATH에 없다)",
    "failed": "`{command}` 명령이 실패했다",
    "gaveUp": "{what} 기다리다 포기했다",
    "fix": "해결: {fix}",
    "noWorkload": "{dir}/kustomization.yaml에 디플로이먼트(Deployment)도 스테이트풀셋(StatefulSet)도 없다"
  },
  "target": {
    "unknown": "알 수 없는 대상 \"{target}\": {targets} 중 하나여야 한다",
    "withCluster": "{target} 클러스터 \"{cluster}\"({reason}에 따름)",
    "withoutCluster": "{target}({reason}에 따름)",
    "fromContext": "kubectl 컨텍스트 {context}",
    "fromDefault": "프로젝트 기본값",
    "noEngine": "컨테이너 엔진을 찾지 못했다: Docker를 시작하거나, Podman을 설치하거나, CONTAINER_ENGINE 환경 변수에 엔진 이름을 적어야 한다",
    "deploying": "대상: {target}, 이미지 빌드: {engine}",
    "undeploying": "대상: {target}"
  },
  "plan": {
    "buildFix": "위의 {engine} 출력을 확인한다. 베이스 이미지를 받아 올 수 없으면 로컬에 있는 이미지를 BASE_IMAGE 환경 변수에 지정한다. `npm run build` 명령이 {context}/dist 폴더를 만들었는지도 확인한다",
    "noCluster": "{target} 클러스터 \"{cluster}\"에서 응답이 없다: {howToStart}. 또는 DEPLOY_TARGET=<{targets}> 환경 변수로 대상을 정한다",
    "howToStart": {
      "kind": "`kind create cluster --name {cluster}` 명령으로 클러스터를 만든다",
      "minikube": "`minikube start -p {cluster}` 명령으로 클러스터를 시작한다",
      "k3d": "`k3d cluster create {cluster}` 명령으로 클러스터를 만든다",
      "docker-desktop": "Docker Desktop 설정에서 쿠버네티스를 켠다"
    },
    "applyFix": "위의 kubectl 출력을 확인한다",
    "rolloutFix": "파드가 준비되지 않았다: `kubectl get pods {namespace} --context {context}` 명령으로 살펴보고, 실패한 파드를 `kubectl describe`와 `kubectl logs`로 본다",
    "dockerDesktopLoads": "Docker Desktop의 클러스터는 docker가 빌드한 이미지를 그대로 쓰므로 따로 로드할 이미지가 없다",
    "playFix": "위의 podman 출력을 확인한다. 실행 중인 것은 `podman pod ps`로 본다",
    "podsRunning": "{names} 파드가 실행될 때까지",
    "podsFix": "`podman pod ps`와 `podman ps -a --pod`, 그리고 로그(`podman logs <container>`)를 확인한다",
    "nothingToRemove": "지울 것이 없다: {names} 파드가 하나도 없다",
    "noPod": "{name} 파드가 없으므로 건너뛴다",
    "stopFix": "실행 중인 것은 `podman pod ps`로 본다",
    "downFix": "실행 중인 것은 `podman pod ps`로 보고, 파드 하나는 `podman pod rm -f <pod>`로 지운다",
    "keptClaims": "남겨 둔다: {claims}(다음 배포가 쓸 데이터). 스테이트풀셋(StatefulSet)의 퍼시스턴트볼륨클레임은 스테이트풀셋이 지워져도 남는다. 지우는 명령: {howToDelete}",
    "leftOut": "podman에서는 실행되지 않으므로 뺀다: {objects}. 디플로이먼트는 저마다 자기와 이름이 같은 파드로 실행되고, env에 적힌 서비스 주소는 그 파드를 가리키도록 바꾼다",
    "onePodEach": "podman에는 레플리카가 없으므로 파드를 하나씩만 실행한다: {workloads}",
    "probesLeftOut": "{pods} 파드에서 프로브를 뺀다: podman은 프로브를 curl 헬스 체크로 바꿔 돌리는데, 이미지 안에서는 curl을 실행할 수 없어 검사가 늘 실패하고 컨테이너가 계속 다시 시작된다",
    "portsLeftOut": "{pods} 파드에서 ports를 뺀다: 그대로 두면 podman이 모든 containerPort를 호스트의 0.0.0.0에 공개한다. 파드끼리는 이름으로 서로 접근하고, 호스트에서는 `podman exec` 명령으로 파드 안에 들어가 접근한다",
    "classicSidecars": "클래식 사이드카로 실행한다: {containers}. podman 4는 네이티브 사이드카 뒤에 오는 컨테이너를 시작하지 않는다",
    "deployed": "✓ 배포했다. 다음 명령으로 살펴본다:"
  },
  "dev": {
    "missingBuild": "{name}: {script} 파일이 없다. 먼저 `npm run build`를 실행해야 한다",
    "portTwice": "{first} 컨테이너와 {second} 컨테이너가 같은 포트 {port}번을 쓰려 한다. 로컬에서는 둘이 네트워크 하나를 함께 쓰므로 k8s/에서 한쪽에 다른 포트를 줘야 한다",
    "portBusy": "포트 {port}번({name})은 이 컴퓨터에서 이미 쓰이고 있다: 그 포트를 쓰는 프로세스(예: 다른 `npm run dev`)를 멈춰야 한다(`lsof -i :{port}` 명령으로 찾을 수 있다)",
    "running": "실행한다: {names}(Ctrl-C를 누르면 모두 멈춘다)",
    "claim": "퍼시스턴트볼륨클레임 {claim}: {dir}(dev가 멈춰도 남는다. 이 폴더를 지우면 빈 상태로 시작한다)",
    "started": "시작했다(pid {pid})",
    "bySignal": "시그널 {signal}",
    "byCode": "종료 코드 {code}",
    "stopped": "멈췄다({how})",
    "restarting": "종료했다({how}). {seconds}초 뒤 다시 시작한다",
    "killing": "{seconds}초가 지나도 실행 중이어서 SIGKILL을 보낸다",
    "stillStopping": "(아직 멈추는 중이다: 컨테이너마다 종료 유예 기간을 준다)",
    "parentGone": "부모 프로세스가 사라졌다",
    "stoppingPeers": "{why}: 시작한 역순으로 멈춘다",
    "stoppingPod": "{why}: 앱을 먼저 멈추고, 그다음 헬퍼, 마지막으로 함께 띄운 워크로드를 멈춘다",
    "noAnswer": "{url}에서 30초 안에 응답이 없다. 그래도 다음 컨테이너를 시작한다"
  }
};
