import type { lesson as English } from '../en/lesson.js';

/**
 * 안티패턴 프로젝트의 README 문장. 용어와 문체(평어체)는 쿠버네티스 문서 한글화 용어집을 따른다.
 * 값이 바뀌는 이름 뒤에는 '디플로이먼트', '서비스', '컨테이너' 같은 명사를 두어 조사가 받침에 기대지 않게 한다.
 */
const code = (s: string | number) => `\`${s}\``;

export const lesson: typeof English = {
  title: '웹, 앱, 데이터베이스: 한 파드에 넣는 안티패턴과 바른 설계',
  heading: ({ name }) => `${name}: 웹, 앱, 데이터베이스 — 한 파드(안티패턴)와 바른 설계`,
  intro: ({ wrong, fix }) =>
    `이 프로젝트가 가르치는 규칙은 이것이다. **웹 서버, 앱 서버, 데이터베이스를 한 파드에 넣지 않는다.** 같은 컨테이너 세 개를 두 가지 설계로 담았다. ${code(`${wrong.folder}/`)} 폴더는 일부러 만든 실수다. 디플로이먼트(Deployment) 하나의 파드에 ${code('web')}, ${code('app')}, ${code('db')} 컨테이너가 모두 들어 있다. ${code(`${fix.folder}/`)} 폴더는 바른 설계이며 프로젝트가 실제로 실행하는 쪽이다. 워크로드 세 개가 저마다 서비스를 앞에 둔다. \`npm run demo\` 명령은 두 설계를 이 컴퓨터에서 함께 실행하고 차이를 측정한다.`,

  designsHeading: '두 설계',
  wrongHeading: ({ wrong }) => `잘못된 설계: 파드 하나(${code(`${wrong.folder}/`)})`,
  wrongText: ({ replicas, wrong, ports }) =>
    `${code(wrong.workload)} 디플로이먼트는 ${replicas === 1 ? '파드 하나를 실행하고, 그 파드에' : `파드 ${replicas}개를 실행하고, 파드마다`} 컨테이너 세 개가 모두 들어 있다. 세 컨테이너는 파드의 ${code('localhost')} 하나를 공유한다. 웹은 ${code(wrong.appUrl)} 주소로 앱에, 앱은 ${code(wrong.dbUrl)} 주소로 데이터베이스에 접근하므로, 세 포트(${ports.web}, ${ports.app}, ${ports.db})는 모두 달라야 한다. 데이터베이스는 데이터를 ${code(wrong.volume)} emptyDir 볼륨(최대 ${wrong.sizeLimit})의 ${code(wrong.dataDir)} 경로에 두는데, 이 폴더는 파드와 함께 삭제된다. ${code(wrong.service)} 서비스는 웹에만 트래픽을 보낸다.`,
  fixHeading: ({ fix }) => `바른 설계: 워크로드 세 개(${code(`${fix.folder}/`)})`,
  fixText: ({ replicas, fix }) =>
    `${code(fix.web)} 디플로이먼트(레플리카 ${replicas}개)는 서비스 이름이 든 ${code(fix.appUrl)} 주소로 앱에 접근하고, ${code(fix.app)} 디플로이먼트(레플리카 ${replicas}개)는 ${code(fix.dbUrl)} 주소로 데이터베이스에 접근한다. ${code(fix.db)} 스테이트풀셋(StatefulSet)은 데이터베이스 파드 ${code(`${fix.db}-0`)} 하나를 실행하고, 데이터는 이 파드만의 퍼시스턴트볼륨클레임(PersistentVolumeClaim) ${code(fix.claim)}(${fix.storage})에 둔다. 클레임은 파드보다 오래 남으므로, 파드가 재시작되거나 롤아웃되거나 다른 노드로 옮겨져도 데이터는 그대로다. ${code(fix.db)} 서비스는 헤드리스 서비스(\`clusterIP: None\`)다. 이 서비스 이름은 데이터베이스 파드 자체로 해석되고, 그 파드는 이름이 바뀌지 않는다. 파드 IP는 어디에도 적지 않는다.`,
  picture: {
    client: '클라이언트',
    service: ({ name }) => `서비스 ${name}`,
    headless: ({ name }) => `헤드리스 서비스 ${name}`,
    onePod: ({ name }) => `${name} 파드: localhost 하나, 운명 공동체`,
    deployment: ({ name, replicas }) => `디플로이먼트 ${name} ×${replicas}`,
    statefulSet: ({ name }) => `스테이트풀셋 ${name} ×1`,
    emptyDir: ({ name }) => `emptyDir ${name}: 파드와 함께 삭제`,
    claim: ({ name }) => `퍼시스턴트볼륨클레임 ${name}: 파드보다 오래 산다`,
  },
  containersHeader: '| 컨테이너 | 하는 일 | 요청을 받는 주소 | 이미지 |',
  containers: {
    app: {
      purpose:
        '서비스 자체. `POST /visits` 요청은 방문을 하나 세고 `GET /visits` 요청은 방문 수를 알려 주며, 둘 다 `DB_URL` 주소의 데이터베이스에 기록한다',
      heart:
        'visits 부분이 담겨 있다. 요청마다 데이터베이스에 묻고, 데이터베이스가 거부하거나 실패하거나 멈추면 503 "database unavailable"로 답한다. 그동안에도 앱은 준비된 상태를 유지한다',
    },
  },

  whyHeading: '한 파드가 잘못인 이유',
  whyIntro:
    '파드의 컨테이너는 한 노드에 함께 스케줄되고, 함께 시작하고 멈추며, 함께 스케일되고 함께 교체된다. 곁의 앱을 돕기 위해서만 존재하는 헬퍼라면 그래야 맞지만, 저마다 제 할 일이 있는 서비스 세 개라면 잘못이다.',
  why: ({ replicas, wrong }) => [
    `**운명을 함께한다.** 노드 하나가 고장 나면 셋이 모두 멈춘다. 데이터베이스가 죽으면 파드가 준비되지 않은 상태가 되고, ${code(wrong.service)} 서비스는 그 파드에 트래픽을 보내지 않으므로, 웹은 데이터베이스가 내려갔다는 말조차 하지 못한다. 모든 요청이 실패한다.`,
    `**함께 스케일된다.** \`replicas: 3\` 설정은 웹 세 개, 앱 세 개, 그리고 데이터를 저마다 따로 가진 **데이터베이스 세 개**를 뜻한다. 쓰기는 세 데이터베이스에 흩어지고, 파드마다 자기 데이터베이스의 수를 답한다.${replicas > 1 ? ` 이 프로젝트의 ${code(wrong.workload)} 디플로이먼트는 이미 레플리카 ${replicas}개를 요청한다.` : ''}`,
    '**함께 롤아웃된다.** 앱 하나만 바꿔도 파드 템플릿이 바뀐다. 그러면 파드 전체가 교체되고, 데이터베이스도 함께 재시작되며, 데이터가 든 emptyDir 볼륨은 삭제된다.',
    '**따로 크기를 정하거나 배치할 수 없다.** 리소스 요청과 한도는 파드 단위로 합쳐진다. 데이터베이스에만 더 큰 노드나 디스크를 줄 수 없다. 웹과 앱이 언제나 함께 따라온다.',
  ],
  fixWhy:
    '바른 설계에서는 셋이 저마다 따로 움직인다. 웹은 계속 페이지를 제공하며 "database unavailable"이라고 알린다. 웹이나 앱의 레플리카를 늘려도 데이터베이스는 하나다. 새 앱은 앱 파드만 교체한다. 데이터베이스의 데이터는 클레임에 남는다.',

  demoHeading: '`npm run demo`가 보여 주는 것',
  demoIntro:
    '`npm run demo` 명령은 컨테이너를 빌드하고 두 설계를 이 컴퓨터에서 로컬 프로세스로 실행한다(클러스터는 필요 없다). 파드는 로컬 포트 묶음(파드의 "IP")을 함께 쓰는 컨테이너 프로세스이고, 서비스는 모든 컨테이너가 준비된 파드에 요청을 차례로 나눠 주는 작은 프록시로, kubelet처럼 준비성 프로브(readiness probe)를 주기적으로 확인한다. emptyDir 볼륨은 파드와 함께 지워지는 임시 폴더이고, 퍼시스턴트볼륨클레임은 파드보다 오래 남는 임시 폴더다. 두 폴더의 매니페스트에서 환경 변수, 포트, 프로브를 읽고, 단계마다 진행 상황을 프로젝트의 언어로 출력하며, 마지막에 표를 보여 준다. `npm run demo -- --json` 명령은 측정 결과만 JSON 오브젝트 하나로 출력한다(진행 상황은 stderr로 간다). `npm run -s demo -- --json > results.json`처럼 `-s`를 붙이면 npm 자신의 안내 줄도 파일에 섞이지 않는다.',
  demoSteps: ({ replicas, writes, spread, downSeconds }) => [
    `**스케일.** 두 설계를 모두 레플리카 ${replicas}개로 실행한다. 각 설계의 서비스로 방문을 ${writes}번 기록한 뒤, 파드마다 방문 수를 묻는다. 잘못된 설계에는 데이터베이스가 ${replicas}개 있어 쓰기가 흩어지고 파드의 답이 서로 다르다(대략 [${spread.join(', ')}]. ${writes}번이라고 답하는 파드는 없다). 바른 설계에는 데이터베이스가 하나뿐이라 모든 파드가 ${writes}번이라고 답한다([${Array(replicas).fill(writes).join(', ')}]).`,
    `**장애.** 요청을 계속 보내는 동안 데이터베이스 프로세스를 강제 종료(SIGKILL)하고, "kubelet"이 재시작하기 전까지 약 ${downSeconds}초 동안 내려 둔다. 잘못된 설계: 파드가 준비되지 않은 상태가 되어 서비스에 엔드포인트가 없고, 페이지 요청 N개가 모두 실패한다. 바른 설계: 웹은 페이지 요청 N개에 모두 답하고, \`/api/visits\` 요청 N개에는 모두 "database unavailable"이라고 답한다. 재시작 뒤에는 두 설계 모두 회복한다.`,
    `**롤아웃.** 앱을 바꿔 파드 템플릿을 새로 만든다(롤아웃이 하듯 프로세스를 교체해 흉내 낸다). 잘못된 설계: 파드 전체가 교체되어 데이터베이스가 재시작하고(\`instance\` ID가 바뀐다) emptyDir 볼륨이 사라진다. 방문 수 ${writes} → 0. 바른 설계: 앱 파드만 교체되고 데이터베이스는 인스턴스와 클레임을 그대로 유지한다. 방문 수 ${writes} → ${writes}.`,
  ],
  demoJson:
    'JSON에는 단계마다 `antiPattern`과 `fix` 값이 있다. 단계와 그 값은 `scaling`(replicas, writes, databases, answers), `failure`(requests, pageOk, apiDatabaseUnavailable, failed), `rollout`(dbRestarted, visitsBefore, visitsAfter)이다. 모든 수는 실행할 때 측정한 값이며, 미리 적어 둔 값이 아니다.',

  runHeading: '실행하기',
  commands: {
    test: '각 컨테이너의 테스트와 데모의 테스트',
    dev: '바른 설계(k8s/): db, app, web을 로컬 프로세스로',
    demo: '두 설계를 나란히: 스케일, 장애, 롤아웃',
    demoJson: '같은 데모, 측정 결과를 JSON 오브젝트 하나로',
    deploy: '빌드하고, 이미지를 올리고, k8s/(바른 설계)를 적용',
    deployWrong: '잘못된 설계: podman에서 실행하거나 클러스터에 적용',
    undeploy: '제거(잘못된 설계는 -- k8s-anti-pattern)',
    lint: '실수를 가리키는 발견 사항, 종료 상태 1',
    lintFix: '보고할 것 없음, 종료 상태 0',
  },
  runDev: ({ ports }) =>
    `\`npm run dev\` 명령은 바른 설계를 실행한다. \`k8s/\` 폴더의 컨테이너마다 매니페스트에 적힌 환경 변수를 주어 로컬 프로세스를 하나씩 띄운다. 순서는 \`kustomization.yaml\` 파일에 적힌 대로 db, app, web이다. Ctrl-C를 누르면 웹부터 멈춘다. http://127.0.0.1:${ports.web}/ 주소를 열고 버튼을 누르자. 페이지가 \`/api/visits\` 요청을 웹에 보내면, 웹은 앱에 넘기고, 앱은 데이터베이스에 방문을 기록한다.`,
  deployText: ({ wrong }) =>
    `\`npm run deploy\` 명령은 바른 설계를, \`npm run deploy -- ${wrong.folder}\` 명령은 잘못된 설계를 적용한다(podman 타깃에서는 컨테이너 세 개가 localhost 하나를 공유하는 파드 하나를 실행한다). 오브젝트 이름이 다르므로 둘을 함께 실행할 수 있다. 스테이트풀셋을 지워도 데이터베이스의 퍼시스턴트볼륨클레임은 남는다(그것이 클레임을 쓰는 이유다). 데이터를 버리려면 \`kubectl delete pvc\` 명령을 쓴다.`,
  lintText: ({ wrong }) =>
    `\`lint\` 명령은 이미지 이름이 아니라 파드의 모양으로 실수를 찾는다. \`containers\`에 저마다 포트가 있는 컨테이너 세 개가 있고, 그중 하나는 데이터 디렉터리에 데이터를 둔다. \`${wrong.folder}/\` 폴더에서 나오는 첫 발견 사항은 \`multiple-main-services\`이며, 고치는 방법도 함께 알려 준다. 각각 워크로드와 서비스를 따로 두고, 데이터베이스는 스테이트풀셋으로 실행한다. \`k8s/\` 폴더에서는 발견 사항이 없다.`,

  dbHeading: '데이터베이스는 PostgreSQL이나 MySQL을 대신한다',
  db: ({ ports, wrong }) =>
    `\`db\` 컨테이너는 이 수업을 위해 만든 작은 데이터베이스다. 그래서 데모는 내려받을 이미지 없이 Node가 실행되는 곳이면 어디서나 동작한다. 이름 붙은 카운터를 저장하고, 값을 올리는 요청에는 ${code(wrong.dataDir)} 경로의 저널에 fsync한 뒤에야 답하며, 시작할 때 저널을 재생한다(그 뒤에야 준비된다). 이 수업에 필요한 데이터베이스의 성질이 바로 이것이다. 상태를 가지고, 시작하는 데 시간이 걸리며, 디스크를 잃으면 데이터를 잃는다. 실제 프로젝트에서는 PostgreSQL이나 MySQL(또는 관리형 데이터베이스)을 같은 방식으로 실행한다. 클레임이 있는 스테이트풀셋을 헤드리스 서비스 뒤에 두고 이름(\`DB_URL\`)으로 접근한다. 여기서 포트 ${ports.db}번은 5432번이나 3306번 역할을 한다.`,

  helpersHeading: '컨테이너가 한 파드에 들어가도 되는 경우',
  helpersIntro:
    '두 번째 컨테이너가 파드에 들어가도 되는 것은 곁의 주 컨테이너를 돕기 위해서만 존재할 때다. 주 컨테이너와 생사를 함께하고, 함께 스케일되며, 그 localhost나 파일이 필요하다. 좋은 패턴 네 가지가 이것을 보여 준다. 이 프로젝트 옆에 하나씩 생성해 비교해 보자.',
  helpersHeader: '| 패턴 | 파드에 든 것 | 이럴 때 쓴다 |',

  whereHeading: '무엇이 어디에 있나',
  where: ({ wrong, fix }) => [
    `${code(`${fix.folder}/`)}: 바른 설계. \`db.yaml\`(스테이트풀셋과 헤드리스 서비스), \`app.yaml\`과 \`web.yaml\`(각각 디플로이먼트와 서비스)을 시작 순서대로 \`kustomization.yaml\`에 나열했다. 주석이 스테이트풀셋, 클레임, 헤드리스 서비스, \`APP_URL\`과 \`DB_URL\`에 쓴 서비스 이름을 설명한다.`,
    `${code(`${wrong.folder}/`)}: 잘못된 설계. \`deployment.yaml\`과 \`service.yaml\`이 있고, 주석이 실수한 자리를 짚는다.`,
    '`containers/<container>/`: `web`, `app`, `db` 컨테이너의 소스(`src/`), 테스트(`test/`), `Dockerfile`. `npm run build` 명령이 각각을 `dist/index.cjs` 파일 하나로 묶는다.',
    '`shared/`: 세 컨테이너가 똑같이 하는 일을 한 번만 쓴 코드(SIGTERM을 받고 멈추기, 처리 중인 요청을 마치고 멈추는 HTTP 서버, JSON으로 응답하기, 받은 본문을 정한 크기까지만 담기, 로그 쓰기, 환경 변수 읽기). 각 컨테이너가 `../../../shared/<파일>`로 가져온다.',
    '`scripts/demo.mjs`: 데모. `scripts/lib/demo-*.mjs`는 그 부품이다. `scripts/dev.mjs`, `deploy.mjs`: 다른 생성 프로젝트와 같은 로컬 개발 흐름.',
  ],
  start: ({ container, file, heart }) => `\`${container}\` 컨테이너는 \`${file}\` 파일부터 읽자. ${heart}.`,
};
