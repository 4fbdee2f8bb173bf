import type { manifests as English } from '../en/manifests.js';

/**
 * 생성된 매니페스트의 주석. 용어는 쿠버네티스 문서 한글화 용어집을 따른다.
 * 이름 뒤에는 '컨테이너', '볼륨', '포트' 같은 명사를 두어 조사가 이름의 받침에 기대지 않게 한다.
 */
const and = (items: string[]) => items.join(', ');

export const manifests: typeof English = {
  replicas: ({ replicas, containers }) =>
    containers.length > 1
      ? `아래 파드를 통째로 ${replicas}개 실행한다. 파드마다 ${and(containers)} 컨테이너가 따로 있다. 헬퍼는 앱과 함께 스케일된다.`
      : `아래 파드를 ${replicas}개 실행한다.`,
  podTemplate:
    '파드는 배포할 수 있는 가장 작은 단위다. 파드의 컨테이너는 한 노드에 함께 스케줄되고, 함께 시작하고 함께 멈춘다.\n컨테이너끼리 네트워크 하나(IP 하나, localhost 하나)를 공유하고, 볼륨도 공유할 수 있다.',
  scrapeAnnotations: ({ port, path }) => `파드를 찾아 수집하는 프로메테우스는 이 어노테이션을 보고 :${port}${path} 주소를 스크레이프한다.`,
  podSecurityContext:
    '파드 시큐리티 표준 "restricted" 정책 중 파드에 두는 설정: 루트가 아닌 숫자 ID의 사용자와 RuntimeDefault seccomp 프로필.',
  nativeSidecar: ({ name }) =>
    `restartPolicy: Always를 설정했으므로 ${name} 컨테이너는 네이티브 사이드카다(쿠버네티스 1.29 이상).\n앱보다 먼저 시작하고, 앱 곁에서 계속 실행되며, 앱이 종료된 뒤에야 멈춘다.`,
  classicSidecar: ({ name }) =>
    `${name} 컨테이너는 헬퍼이며, 여기서는 클래식 사이드카다. 다른 컨테이너와 함께 시작하고 함께 멈추는 일반 컨테이너다.`,
  loopbackPort: ({ port, name }) =>
    `${name} 포트는 127.0.0.1:${port} 주소에서만 요청을 받는다. 이 파드의 다른 컨테이너는 localhost로 접근할 수 있지만, 파드 밖에서는 접근할 수 없다.\n그래도 선언해 두는 이유는, 파드의 모든 포트를 한눈에 보이게 하고 다른 컨테이너가 이 포트를 차지하지 못하게 하기 위해서다.`,
  ports: '파드 전체가 IP 하나를 쓴다. 같은 파드의 두 컨테이너가 같은 포트에서 요청을 받을 수는 없다.',
  env: '코드가 쓰는 포트, 경로, 업스트림은 모두 여기서 정한다. 값이 있는 곳은 매니페스트 한곳뿐이다.',
  securityContext: 'restricted 정책: 권한 상승 금지, 읽기 전용 루트 파일시스템, 모든 리눅스 캐퍼빌리티 제거.',
  resources: ({ memory }) =>
    `요청(request)은 노드에 자리를 예약하고, 한도(limit)는 컨테이너가 쓸 수 있는 상한이다(메모리를 ${memory}보다 많이 쓰면 컨테이너가 강제 종료되고 재시작된다).`,
  startupProbe: '스타트업 프로브(startup probe): 이 프로브가 통과해야 이 컨테이너 다음의 컨테이너들이 시작된다.',
  readinessProbe: '준비성 프로브(readiness probe): 실패하는 동안 서비스는 이 파드로 트래픽을 보내지 않는다.',
  livenessProbe: '활성 프로브(liveness probe): 계속 실패하면 kubelet이 이 컨테이너를 재시작한다.',
  volumeMount: ({ volume, others }) =>
    others.length ? `공유 볼륨 ${volume}: ${and(others)} 컨테이너도 이 볼륨을 마운트한다.` : `${volume} 볼륨.`,
  volumes: ({ name, containers, sizeLimit }) =>
    `${name} 볼륨은 emptyDir 타입이다. 이 파드를 위해 만들어지고 파드와 함께 삭제되는 폴더이며, ${and(containers)} 컨테이너가 함께 쓴다.\n크기가 sizeLimit(${sizeLimit})을 넘으면 kubelet이 파드를 축출한다.`,
  serviceSelector: '서비스는 이 레이블이 붙은 파드 중 준비된 파드 모두에 트래픽을 보낸다.',
  servicePorts: '컨테이너 포트를 이름으로 가리키므로, 포트 번호는 한곳에만 있다.',
  namespaceLabels: 'API 서버는 이 네임스페이스에서 파드 시큐리티 표준의 restricted 정책을 어기는 파드를 거부한다.',
  kustomization: ({ folder }) =>
    `kubectl apply -k ${folder}/ 명령은 여기 나열한 오브젝트를 만들고, kubectl delete -k ${folder}/ 명령은 지운다.`,

  replicasOfEverything: ({ replicas, containers }) =>
    `아래 파드를 통째로 ${replicas}개 실행한다. 그래서 ${and(containers)} 컨테이너도 ${replicas}개씩 생긴다.\n파드는 통째로 스케일되므로, 웹이나 앱을 늘리면 데이터베이스도 늘어나고 데이터베이스마다 데이터가 따로 생긴다.`,
  mainServicesInOnePod: ({ containers }) =>
    `이 폴더가 보여 주는 실수: ${and(containers)} 컨테이너는 저마다 포트가 있는 주 서비스인데, 한 파드에 들어 있다.\n이들은 운명 공동체다. 한 노드에 스케줄되므로 그 노드가 고장 나면 모두 멈추고, 컨테이너 하나가 준비되지 않으면 파드 전체가\n준비되지 않으며, 함께 스케일되고, 어느 하나만 바꿔도 파드가 데이터베이스까지 통째로 교체된다.\n파드에는 주 서비스 하나와 그것을 돕는 헬퍼만 둔다. 바른 설계는 k8s/ 폴더에 있다. 각자 워크로드와 서비스를 따로 둔다.`,
  dataOnEmptyDir: ({ name, containers }) =>
    `${name} 볼륨은 ${and(containers)} 컨테이너의 데이터를 담는 emptyDir 볼륨이다. 이 파드와 함께 만들어지고 파드와 함께 삭제된다.\n파드가 롤아웃되거나 축출되거나 다른 노드로 옮겨지면 데이터베이스는 빈 상태로 다시 시작한다. 바른 설계는 데이터를 퍼시스턴트볼륨클레임에 둔다.`,
  replicasOfDatabase: ({ replicas }) =>
    `데이터베이스 파드는 ${replicas}개다. 레플리카를 늘리면 데이터베이스가 커지는 것이 아니라 데이터베이스가 여러 개 생긴다.\n데이터베이스 복제는 데이터베이스가 스스로 할 일이다(PostgreSQL이나 MySQL의 복제 기능이며, 보통 오퍼레이터가 운영한다).`,
  statefulSetServiceName: ({ service }) =>
    `${service} 헤드리스 서비스가 파드마다 안정적인 DNS 이름(${service}-0.${service})을 준다. 파드는 재시작해도 이름이 그대로다.`,
  volumeClaimTemplates: ({ claims }) =>
    `파드마다 자기 퍼시스턴트볼륨클레임(PersistentVolumeClaim)이 생긴다(${and(claims)}). 한 번 만들어지면 계속 남으므로, 파드가\n재시작되거나 롤아웃되거나 다른 노드로 옮겨져도 같은 데이터를 찾는다. 스테이트풀셋을 지워도 남는다. 데이터를 버리려면 클레임을 지운다.`,
  headlessService:
    'clusterIP: None을 설정하면 이 서비스는 헤드리스 서비스가 된다. 가상 IP가 없고 서비스 이름이 파드 자체로 해석되므로,\n클라이언트는 파드의 포트로 바로 접속한다. 스테이트풀셋은 이 서비스로 파드에 이름을 붙인다.',
  envServiceName: ({ variable, service }) =>
    `${variable} 변수에는 ${service} 서비스의 이름이 들어 있다. 클러스터 DNS가 이 이름을 해석해 주므로, 파드가 어디서 실행되든 서비스 뒤의 준비된 파드에 닿는다.\n파드 IP는 어디에도 적지 않는다. 파드는 생기고 사라지지만 서비스 이름은 그대로다.`,
};
