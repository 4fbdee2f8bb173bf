import type { readme as English } from '../en/readme.js';

/**
 * 생성된 README의 문장. 용어와 문체(평어체)는 쿠버네티스 문서 한글화 가이드와 용어집을 따른다.
 * 조사는 코드 스팬에 붙여 쓰고(`app`은), 값이 바뀌는 이름이나 숫자 뒤에는 '컨테이너', '설정' 같은
 * 우리말 명사를 두어 받침에 따라 조사가 틀리는 일이 없게 한다.
 */
const list = (items: string[]) => items.map((i) => `\`${i}\``).join(', ');

export const readme: typeof English = {
  title: ({ name, pattern }) => `${name}: ${pattern} 파드 패턴`,

  podHeading: '파드란 무엇인가',
  podUnit: ({ name, containers }) =>
    `**파드**는 쿠버네티스에서 배포할 수 있는 가장 작은 단위다. 파드는 컨테이너 하나가 아니라 컨테이너의 묶음이며, 묶인 컨테이너는 같은 노드에 함께 스케줄되고 함께 시작하고 함께 멈춘다. ${
      containers.length === 1
        ? `\`${name}\` 파드의 컨테이너는 ${list(containers)} 하나뿐이다.`
        : `\`${name}\` 파드에는 컨테이너 ${containers.length}개(${list(containers)})가 있다.`
    }`,
  podIsolation:
    '그 밖의 것은 모두 따로다. 이미지, 파일시스템, 프로세스, 리소스 한도는 컨테이너마다 따로 있고, 재시작도 컨테이너 단위로 일어난다. 헬퍼를 쓰는 이유가 바로 이 격리다. 헬퍼는 앱 안의 라이브러리가 아니라 별도의 컨테이너이므로 다른 언어로 작성할 수 있고, 앱과 따로 업데이트할 수 있으며, 헬퍼에 문제가 생겨도 앱까지 함께 쓰러지지 않는다.',
  nativeSidecar:
    '헬퍼는 **네이티브 사이드카**, 즉 `restartPolicy: Always`를 설정한 `initContainers` 항목이다. 쿠버네티스 1.29 이상에서는 헬퍼가 앱보다 먼저 시작하고, 앱 곁에서 계속 실행되며, 앱이 종료된 뒤에야 멈춘다.',
  classicSidecar:
    '헬퍼는 **클래식 사이드카**, 즉 `containers`에 추가한 일반 컨테이너다. 모든 컨테이너가 함께 시작하고 함께 멈추므로, 각 컨테이너는 다른 컨테이너가 아직 뜨지 않았거나 이미 멈춘 상황을 스스로 견뎌야 한다.',

  networkHeading: '네트워크 하나, IP 하나',
  network:
    '파드의 모든 컨테이너는 네트워크 네임스페이스 하나를 공유한다. IP 주소도 하나, `localhost`도 하나다. 컨테이너끼리는 `127.0.0.1`로 통신하고, 두 컨테이너가 같은 포트에서 요청을 받을 수는 없다. 이 파드의 포트는 다음과 같다.',
  portsHeader: '| 컨테이너 | 요청을 받는 주소 | 포트 이름 |',
  onlyLoopback: '파드 안에서만',
  localhostIntro: '파드 안에서는 `localhost`로 서로 접근한다.',
  localhostUse: ({ from, to, url }) => `\`${from}\` 컨테이너는 \`${url}\` 주소로 \`${to}\` 컨테이너에 접근한다.`,
  portClash: ({ port, container }) =>
    `그래서 생성기는 \`--port ${port}\` 옵션을 거부한다. \`${container}\` 컨테이너가 이미 그 포트에서 요청을 받고 있어서, 같은 파드의 다른 컨테이너는 그 포트를 쓸 수 없기 때문이다.`,

  volumesHeading: '공유 볼륨',
  volumeShared: ({ name, sizeLimit, mounts }) =>
    `\`${name}\` 볼륨은 크기가 최대 ${sizeLimit}인 \`emptyDir\`로, 이 파드를 위해 만들어지고 파드와 함께 삭제되는 폴더다. ${
      mounts.length === 0
        ? ''
        : `${mounts.map((m) => `\`${m.container}\` 컨테이너는 \`${m.path}\`에${m.readOnly ? ' 읽기 전용으로' : ''}`).join(', ')} 이 볼륨을 마운트한다. `
    }파드의 컨테이너는 함께 마운트한 볼륨으로만 파일을 주고받는다. 그 밖의 파일시스템은 컨테이너마다 따로다.`,
  volumeNone:
    '이 파드는 볼륨을 공유하지 않으며, 컨테이너끼리 공유하는 것은 네트워크뿐이다. 파드의 컨테이너는 함께 마운트한 볼륨으로 파일을 주고받을 수 있는데, 사이드카 패턴(`--pattern sidecar`)에서 그 예를 볼 수 있다.',

  patternsHeading: '네 가지 패턴',
  patternsIntro: '헬퍼 패턴은 저마다 같은 앱 곁에 컨테이너를 하나 더한다. ◀ 표시가 이 프로젝트의 패턴이다.',
  patternsHeader: '| 패턴 | 파드 구성 | 이럴 때 쓴다 |',
  thisOne: '◀ 이 프로젝트',
  patterns: {
    singleton: {
      title: '싱글턴',
      summary: '파드에 컨테이너가 하나뿐이다. 다른 모든 패턴이 이 구성에서 출발한다.',
      holds: '앱 하나',
      when: '프로세스 하나가 모든 일을 할 때. 다른 모든 패턴이 여기서 출발한다',
    },
    sidecar: {
      title: '사이드카 로거',
      summary:
        '앱은 공유 emptyDir 볼륨의 파일에 액세스 로그를 쓰고, 별도의 log-shipper 컨테이너가 그 파일을 따라 읽으며 각 줄을 JSON으로 stdout에 출력한다. 로그 로테이션, 잘림(truncation), 재시작이 있어도 한 줄도 잃지 않는다.',
      holds: '앱 + log-shipper, 볼륨 공유',
      when: '앱이 쓴 것(로그, 파일)을 다른 프로세스가 가져가 다른 곳으로 옮겨야 하고, 앱은 그 방법을 몰라도 될 때',
    },
    ambassador: {
      title: '앰배서더 프록시',
      summary:
        '앱은 127.0.0.1:9000 주소로만 요청한다. 바깥으로 나가는 길은 앰배서더 컨테이너가 맡는다. 업스트림 목록, 타임아웃, 헬스 체크, 장애 조치(failover)가 모두 앰배서더의 일이다.',
      holds: '앱 + `127.0.0.1`에서 요청을 받는 ambassador',
      when: '앱이 바깥의 무언가(데이터베이스, API)를 호출하는데, 거기까지 가는 방법(호스트, 타임아웃, 재시도, 장애 조치)은 다른 누군가에게 맡기고 싶을 때',
    },
    adapter: {
      title: '어댑터 모니터',
      summary: '앱은 자기만의 JSON 형식으로 상태를 알리고, 어댑터 컨테이너가 같은 내용을 프로메테우스 메트릭으로 제공한다.',
      holds: '앱 + adapter',
      when: '앱은 자기만의 형식으로 말하는데 바깥에서는 표준 형식(프로메테우스 메트릭, 로그 형식)을 기대할 때',
    },
  },

  neverHeading: '한 파드에 절대 넣지 않는 것',
  never:
    '웹 서버, 앱 서버, 데이터베이스는 서로 다른 서비스이므로 워크로드도 각자 따로 가져야 한다. 이 셋을 한 파드에 넣어서는 안 된다. 한 파드에 넣으면 운명을 함께하게 된다. 같은 노드에 스케줄되므로 노드 하나에 장애가 나면 셋이 모두 멈춘다. 컨테이너 하나가 죽으면 파드 전체가 준비되지 않은(not ready) 상태가 된다. 함께 스케일되므로 `replicas: 3` 설정은 데이터를 저마다 따로 가진 데이터베이스 세 개를 뜻한다. 함께 롤아웃되므로 앱만 바꿔도 데이터베이스까지 재시작된다. 각각을 별도의 디플로이먼트(Deployment)로 실행하되 데이터베이스는 스테이트풀셋(StatefulSet)으로 실행하고, 저마다 서비스를 앞에 두어 서비스 이름으로 서로 통신하게 하자. `npx create-pod-pattern shop --pattern anti-pattern` 명령은 두 설계를 나란히 담은 프로젝트를 만들고, 그 데모는 이 문제를 하나하나 측정해 보여 준다.',
  neverHelpers: '헬퍼는 다르다. 곁에 있는 앱을 돕기 위해서만 존재하므로 같은 파드에 들어가고, 앱과 생사를 함께한다.',

  scaleHeading: '헬퍼는 앱과 함께 스케일된다',
  scale: ({ replicas, containers, helpers }) =>
    helpers.length === 0
      ? `\`replicas: ${replicas}\` 설정은 파드 ${replicas}개를 뜻하고, 파드마다 \`app\` 컨테이너가 하나씩 있다.`
      : `쿠버네티스는 컨테이너가 아니라 파드를 스케일한다. \`replicas: ${replicas}\` 설정은 파드 ${replicas}개를 뜻하고, 파드마다 ${list(containers)} 컨테이너가 하나씩 있으므로 컨테이너는 모두 ${replicas * containers.length}개다. 앱이 하나 늘 때마다 ${list(helpers)} 컨테이너도 하나씩 따라 붙으며, 헬퍼만 따로 스케일하는 일은 없다.`,

  promisesHeading: '헬퍼가 지키는 약속',
  promisesIntro:
    '헬퍼는 문제가 생겼을 때도 약속을 지켜야 컨테이너 하나를 따로 둘 가치가 있다. 각 헬퍼의 테스트(`npm test`)는 아래 약속을 하나하나 깨 보려고 시도한다.',
  promises: {
    logShipper: ({ rotatedFiles, rotateAt, maxLine }) =>
      `**log-shipper**: 디스크에 남아 있는 로그는 한 줄도 잃지 않는다. 앱은 ${rotateAt} 크기의 로테이션된 파일을 ${rotatedFiles}개까지 남긴다(\`access.log.1\` … \`.${rotatedFiles}\`). log-shipper는 첫 줄의 지문(fingerprint)으로 파일을 구별하고, 다 읽지 못한 파일마다 읽은 위치를 저장하며, 재시작하면 로테이션된 파일에 남은 부분을 오래된 파일부터 마저 보낸다. 읽기 전에 지워지거나 잘린 줄이 있으면 조용히 넘어가지 않고, 파일 이름과 건너뛴 바이트 수를 밝힌 경고로 알린다. SIGKILL로 강제 종료된 뒤에는 쓰던 배치가 두 번 나올 수 있다. 모든 레코드에 \`fileId\`와 \`offset\`이 있으므로, 이미 본 쌍을 가진 레코드는 버리면 된다. ${maxLine}보다 긴 줄은 \`"truncated": true\` 표시가 붙은 레코드 하나로 보낸다.`,
    ambassador: ({ firstByteMs, intervalMs, fall, rise }) =>
      `**ambassador**: 응답의 첫 바이트를 받기 전이라면, 업스트림이 연결을 거부하거나, 리셋하거나, 닫거나, ${firstByteMs} ms 안에 응답을 시작하지 않을 때 요청을 다음 업스트림으로 넘긴다. 응답이 시작된 뒤에는 절대 다시 시도하지 않는다. 업스트림마다 \`/readyz\`를 ${intervalMs} ms마다 검사해서, 연속 ${fall}번 실패하면(실제 요청이 실패하면 즉시) 대상에서 빼고, ${rise}번 통과하면 다시 넣는다. 한 업스트림에서 타임아웃된 요청도 그 업스트림이 이미 처리했을 수 있으므로, 반복해도 안전한 요청만 다시 시도하자.`,
    adapter: ({ maxStatus, maxSeries, memory }) =>
      `**adapter**: 상태에 무엇이 들어 있든 메모리 사용량은 자기 한도(${memory}) 안에 머문다. ${maxStatus}보다 큰 상태는 도중에 읽기를 끊고 오류로 센다(\`adapter_scrape_errors_total{reason="too_large"}\`). 시계열은 최대 ${maxSeries}개까지만 내보내고 나머지는 \`adapter_dropped_series\`에 세며, \`NODE_OPTIONS\`로 Node의 힙 크기도 제한한다. \`metrics\` 필드의 이름은 프로메테우스가 게이지에 붙이는 이름처럼 짓자(snake_case, \`_seconds\`나 \`_bytes\` 같은 기본 단위, \`_total\`, \`_count\`, \`_sum\`, \`_bucket\` 접미사 없이). 그렇지 않은 필드는 빼고 \`adapter_skipped_fields\`에 센다. 어댑터가 내보내는 내용은 \`promtool check metrics\`로 검사해도 고칠 것이 나오지 않는다.`,
  },

  tryHeading: '직접 해 보기',
  tryIntro:
    '단계마다 무엇이 보여야 하는지 적어 두었다. `npm run dev`는 이 컴퓨터에서 파드를 실행하고, 각 컨테이너가 시작할 때 프로세스 ID를 출력한다. 클러스터 단계는 `npm run deploy`를 실행한 다음에 한다.',
  tryDev: '`npm run dev` 실행 중에 다른 터미널에서',
  tryCluster: '클러스터에서',
  expect: {
    appAnswers: '앱이 JSON으로 응답한다. 앱 이름, 호스트네임(클러스터에서는 파드 이름), 현재 시각이 들어 있다.',
    podReady: ({ ready }) =>
      `READY 열에 ${ready}/${ready} 값이 보인다. 파드의 모든 컨테이너가 준비되었다는 뜻이다${ready > 1 ? '(헬퍼도 앱과 함께 센다)' : ''}. 레플리카마다 한 줄씩 나온다.`,
    deployDryRun: '`deploy` 스크립트가 실행할 명령(빌드, 클러스터에 이미지 적재, 적용)이 실제로 실행되지 않고 모두 출력만 된다.',
    portClash: ({ port, container }) =>
      `거부된다. 종료 코드는 2이고 아무 파일도 쓰지 않는다. \`${container}\` 컨테이너가 이미 포트 ${port}에서 요청을 받고 있고, 한 파드의 컨테이너는 네트워크 하나를 공유하기 때문이다.`,
    shipperShips:
      '요청을 하나 보낼 때마다 `log-shipper |`로 시작하는 JSON 줄이 정확히 한 번 나온다. 액세스 로그 줄과 함께, 그 줄이 나온 파일과 오프셋이 들어 있다.',
    shipperKilled: ({ maxRepeat }) =>
      `\`npm run dev\`는 kubelet이 하듯 몇 초 안에 \`log-shipper\` 컨테이너를 다시 시작하고, \`log-shipper\`는 공유 볼륨에 저장해 둔 위치부터 이어서 읽는다. 로테이션이 있었어도 잃는 줄은 없다. 죽는 순간 처리 중이던 배치(최대 ${maxRepeat})만 다시 출력될 수 있는데, 파일과 오프셋이 같으므로 받는 쪽에서 중복을 버릴 수 있다.`,
    shipperLogs:
      '`log-shipper` 컨테이너가 마지막으로 출력한 줄이다. 요청마다 JSON 오브젝트 하나가 컨테이너의 stdout으로 나오며, 클러스터의 로그 수집기는 바로 여기서 로그를 읽는다.',
    shipperRestarted:
      '`log-shipper` 컨테이너가 멈추고 kubelet이 다시 시작한다(RESTARTS 값이 1 늘어난다). 다시 시작한 뒤에는 멈췄던 곳부터 이어서 읽는다.',
    upstreamAnswers: '`127.0.0.1`의 앰배서더를 거쳐 받은 업스트림의 응답이다. 앱은 업스트림이 어디에 있는지 전혀 모른다.',
    primaryHung: ({ firstByteMs, outAfterMs }) =>
      `이제 primary 업스트림이 멈춰 있다. 커널은 여전히 연결을 받아 주지만 아무도 응답하지 않는다. 앰배서더는 처리 중이던 요청의 첫 바이트를 ${firstByteMs} ms 동안 기다린 뒤 그 요청을 backup 업스트림으로 보낸다. 헬스 체크는 약 ${outAfterMs} ms 안에 primary를 대상에서 빼고, 그 뒤의 요청은 곧바로 backup으로 간다. \`npm run dev\`는 멈춘 프로세스를 다시 시작하지 않으므로, 직접 재개할 때까지 primary는 멈춘 채로 있다.`,
    primaryBack: ({ backAfterMs }) =>
      `primary 업스트림이 다시 응답한다. 헬스 체크는 약 ${backAfterMs} ms 안에 primary를 다시 대상에 넣고, 요청은 다시 primary로 먼저 간다.`,
    primaryScaledDown:
      'primary 파드가 없으므로 backup이 응답한다. 둘 다 0으로 줄이면 앱은 각 업스트림의 실패를 하나하나 밝힌 502 응답을 받는다. 확인한 뒤에는 둘 다 1로 되돌리자.',
    statusJson: '앱이 자기만의 JSON 형식으로 알리는 상태다. 앱이 스스로 세는 카운터와 소요 시간이 들어 있다.',
    metricsText: '같은 내용을 프로메테우스 텍스트 형식으로 보여 준다. 어댑터가 스크레이프 요청을 받을 때마다 변환한다.',
    promtoolClean: '아무것도 출력되지 않는다. 형식에 문제가 없다는 뜻이다(데비안과 우분투에서는 prometheus 패키지에 promtool이 들어 있다).',
  },

  commands: {
    test: '컨테이너마다 그 컨테이너의 테스트 실행',
    dev: '파드의 컨테이너를 로컬 프로세스로 실행(파드처럼 localhost 공유)',
    images: '컨테이너마다 이미지 빌드(docker 또는 podman), BASE_IMAGE=...로 베이스 이미지 변경',
    deploy: '빌드, 클러스터에 이미지 적재, kubectl apply -k k8s/, 롤아웃 대기',
    undeploy: '모두 삭제',
  },
  runHeading: '실행하기',
  runDev:
    '`npm run dev`는 `k8s/deployment.yaml`을 읽어, 매니페스트에 적힌 환경 변수로 컨테이너마다 로컬 프로세스를 하나씩 시작한다. 프로세스들은 파드에서처럼 `localhost`를 공유하고, `emptyDir` 볼륨은 각각 임시 폴더가 되고, dev가 멈출 때 지워진다(dev가 강제로 종료되었다면 다음 실행이 지운다). 출력의 각 줄 앞에는 컨테이너 이름이 붙고, 컨테이너가 시작할 때 프로세스 ID가 출력된다. Ctrl-C를 누르면 앱이 먼저 멈추고 헬퍼가 뒤따라 멈춘다.',
  deployHeading: '로컬 클러스터에 배포하기',
  deploy: ({ target }) =>
    `\`deploy\`는 현재 kubectl 컨텍스트에서 클러스터(kind, minikube, k3d, docker-desktop)를 찾고, 찾지 못하면 **${target}** 클러스터를 대상으로 한다(\`package.json\`의 \`config.target\`이나 \`DEPLOY_TARGET=...\` 환경 변수로 바꿀 수 있다). 이미지에는 \`:dev\` 태그가 붙고 매니페스트는 \`imagePullPolicy: IfNotPresent\`를 쓰므로, 클러스터에 적재한 이미지를 그대로 쓰고 아무것도 내려받지 않는다. \`npm run deploy -- --dry-run\`은 아무것도 실행하기 전에 모든 명령을 출력한다.`,
  namespaceOwn: ({ namespace }) =>
    `모든 오브젝트는 \`${namespace}\` 네임스페이스에 들어가며, 이 네임스페이스는 파드 시큐리티 표준(Pod Security Standards)의 restricted 정책을 강제한다. \`kubectl get pods -n ${namespace}\` 명령으로 확인해 보자.`,
  namespaceShared: ({ namespace }) =>
    `모든 오브젝트는 \`${namespace}\` 네임스페이스에 들어간다. 이 네임스페이스는 클러스터의 것이므로 프로젝트가 만들거나 레이블을 붙이지 않는다.`,
  namespaceNone: '오브젝트는 현재 컨텍스트의 네임스페이스에 들어간다.',

  picture: {
    client: '클라이언트',
    service: ({ name }) => `서비스 ${name}`,
    pod: ({ name, sharesVolumes }) => `파드 ${name}: 네트워크 네임스페이스 하나(localhost)${sharesVolumes ? '와 공유 볼륨' : ''}`,
  },
  podPictureHeading: '이 파드의 구성',
  containersHeader: '| 컨테이너 | 역할 | 요청을 받는 주소 | 이미지 |',
  roleMain: ({ purpose }) => `주 컨테이너. ${purpose}`,
  roleHelper: ({ mode, purpose }) => `헬퍼(${mode === 'native' ? '네이티브 사이드카' : '클래식 사이드카'}). ${purpose}`,
  roleCompanion: ({ name, purpose }) => `\`${name}\`: ${purpose}`,
  nothing: '없음',
  companionsIntro: '인터넷이 없는 클러스터에서도 패턴이 동작하도록, 파드 밖에 다음 워크로드를 함께 둔다.',
  companionsHeader: '| 디플로이먼트 | 컨테이너 | 요청을 받는 주소 | 이미지 |',

  whereHeading: '무엇이 어디에 있나',
  whereK8s:
    '`k8s/`: `kustomization.yaml`과, 이 파일에 나열된 오브젝트. 포트, 경로, 업스트림은 모두 매니페스트 한곳에만 있고, 코드는 이 값을 환경 변수로 읽는다. 매니페스트의 주석이 각 부분을 설명한다.',
  whereContainers:
    '`containers/<컨테이너>/`: 각 컨테이너의 소스(`src/`), 테스트(`test/`), `Dockerfile`. `npm run build`가 컨테이너마다 코드를 `dist/index.cjs` 하나로 묶으므로, 이미지를 빌드할 때 네트워크가 필요 없다.',
  whereShared:
    '`shared/`: 모든 컨테이너가 똑같이 하는 일을 한 번만 쓴 코드. SIGTERM을 받으면 멈추고(`shutdown.ts`), HTTP 서버가 연결을 500개까지만 받고 처리 중인 요청을 마친 뒤 멈추며(`http-server.ts`), JSON으로 응답하고(`send-json.ts`), 받은 본문을 정한 크기까지만 담고(`bounded-body.ts`), 일이 생길 때마다 JSON 로그를 한 줄씩 쓰고(`log.ts`), 환경 변수를 읽다 생긴 문제를 한꺼번에 알린다(`env.ts`). 각 컨테이너가 `../../../shared/<파일>`로 가져오고, `npm run build`가 이미지마다 함께 묶는다. `test-support/`는 테스트 쪽의 같은 폴더다.',
  whereStart: ({ container, file, heart }) => `\`${container}\` 컨테이너는 \`${file}\` 파일부터 읽자. ${heart}.`,
  pidOf: ({ name }) => `<${name}의 PID>`,
  containers: {
    app: {
      purpose: '서비스 본체. `GET /`(JSON), `/healthz`, `/readyz`, `/status`에 응답한다',
      heart: '경로마다 함수가 하나씩 있는 라우트가 담겨 있다',
    },
    'log-shipper': {
      purpose: '로테이션, 잘림, 재시작이 있어도 액세스 로그를 놓치지 않고 따라 읽어, 각 줄을 JSON으로 stdout에 출력한다',
      heart: '로그 전송기가 하는 일이 순서대로 담겨 있다. 파일을 찾고, 각 파일을 저장해 둔 위치부터 읽고, 줄을 출력한 다음 위치를 저장한다',
    },
    ambassador: {
      purpose:
        '루프백(loopback)에서 요청을 받는 프록시. 업스트림을 헬스 체크하고, 응답의 첫 바이트가 오기 전에 생긴 장애라면 무엇이든 다른 업스트림으로 넘긴다',
      heart:
        '앱에서 온 연결 하나를 정상인 업스트림에 차례로 보내 보고, 응답을 시작하는 업스트림이 나오면 그 업스트림에 맡기는 과정이 담겨 있다',
    },
    adapter: {
      purpose: '앱의 JSON 상태를 읽어 프로메테우스 메트릭으로 제공한다',
      heart: '앱 상태의 필드를 메트릭 이름, 타입, 도움말(help)로 옮기는 변환이 담겨 있다',
    },
    upstream: {
      purpose: '인터넷이 없는 클러스터에서도 패턴이 동작하게 해 주는 데모 업스트림',
      heart: '모든 응답에 자기 이름을 담아 보내는 작은 HTTP 서버다',
    },
    web: {
      purpose: '프런트. 방문 수를 보여 주는 페이지를 제공하고, `/api/` 요청은 타임아웃을 두고 앱에 넘긴다',
      heart: '페이지와 프런트의 규칙 하나가 담겨 있다. `/api/<경로>` 요청은 앱으로 가고, 앱이 죽었거나 멈췄으면 503으로 답한다',
    },
    db: {
      purpose:
        'PostgreSQL이나 MySQL을 대신하는 작은 데이터베이스. 카운터를 저널에 기록하고, 답하기 전에 fsync하며, 시작할 때 저널을 재생한다',
      heart:
        '저널이 담겨 있다. 체크섬을 붙인 레코드를 덧붙이고, fsync한 뒤에 답한다. 시작할 때 저널을 재생하고, 잘린 마지막 레코드는 버린다',
    },
  },
  whereScripts: '`scripts/`: `build`, `dev`, `images`, `deploy`, `undeploy` 스크립트.',
  security:
    '모든 컨테이너는 루트가 아닌 숫자 ID의 사용자로 실행되고, 루트 파일시스템은 읽기 전용이며, 권한 상승을 막고, 리눅스 캐퍼빌리티(capabilities)를 모두 제거하고, RuntimeDefault seccomp 프로필을 쓴다(파드 시큐리티 표준의 "restricted" 정책). 리소스 요청과 한도, 프로브도 모두 갖추었다.',
  generatedBy: '[create-pod-pattern](https://www.npmjs.com/package/create-pod-pattern)으로 생성했다.',
};
