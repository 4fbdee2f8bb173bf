/**
 * 생성기 명령줄이 사람에게 하는 모든 말, 한국어판. 용어는 쿠버네티스 문서 한글화 용어집을
 * 따르고, 옵션 이름·패턴 이름·검사 id·파일 이름은 입력하는 그대로 둔다.
 * 은/는, 이/가, 을/를은 앞말의 받침에 따라 갈리는데 이름, 포트, 경로 같은 값의 받침은 미리 알 수
 * 없다. 그래서 값 뒤에는 '이름', '경로', '디렉터리' 같은 우리말 명사를 두고 조사는 그 명사에 붙이거나
 * (`"Bad_Name" 이름은`, `9000번 포트는`), 받침과 상관없는 조사(에, 의)를 쓰거나, 값을 괄호 안에 둔다.
 */
import type { CliText } from '../en/cli.js';

const q = (value: string) => JSON.stringify(value);

/** 포트를 거절할 때마다 함께 알려 주는 파드의 교훈. */
const SHARED_NETWORK = '한 파드의 컨테이너는 네트워크 하나를 함께 쓰므로, 두 컨테이너가 같은 포트를 바인드할 수 없다.';

export const cli: CliText = {
  help: `사용법: create-pod-pattern [디렉터리] [옵션]
        create-pod-pattern lint <파일 또는 폴더...> [--format text|json] [--only <family>[,<family>...]] [--lang en|ko]
        create-pod-pattern add <헬퍼[,헬퍼...]> [--to <파일.yaml>] [--deployment <이름>] [--dry-run] [--lang en|ko]

처음부터 동작하는 쿠버네티스 파드 패턴 프로젝트를 만든다.

옵션:
  -p, --pattern <p>       singleton | sidecar | ambassador | adapter   (물어본다)
                          또는 쉼표로 이은 헬퍼 여럿을 한 파드에: sidecar,adapter
                          또는 anti-pattern: 하지 말아야 할 설계. 웹, 앱, 데이터베이스를
                          한 파드에 넣은 것과 바른 설계를 나란히, \`npm run demo\`와 함께
      --lang <l>          en | ko: 질문, 메시지, README, 매니페스트 주석의 언어
                          (LC_ALL, LC_MESSAGES, LANG에서 정한다: ko로 시작하면 ko)
  -n, --name <name>       워크로드 이름, DNS-1123 레이블           (디렉터리 이름)
      --namespace <ns>    모든 오브젝트의 네임스페이스             (없으면 현재 컨텍스트의 것)
      --port <n>          app 컨테이너의 포트                      (8080)
                          (anti-pattern: web과 db의 포트인 8000, 7000은 안 된다)
      --replicas <n>      디플로이먼트(Deployment) 레플리카 수     (1)
      --sidecar-mode <m>  native | classic: 헬퍼를 네이티브 사이드카(restartPolicy: Always인
                          초기화 컨테이너, 쿠버네티스 1.29+)로 둘지, 일반 컨테이너로 둘지
                                                                   (native; podman이면 classic)
      --target <t>        kind | minikube | k3d | docker-desktop | podman   (kind)
      --image-prefix <s>  모든 이미지 이름의 접두사                (local/)
  -y, --yes               주지 않은 값은 모두 기본값을 쓰고, 아무것도 묻지 않는다
      --force             비어 있지 않은 디렉터리에 쓴다: 프로젝트가 만드는 파일만
                          바꾸고 나머지는 그대로 둔다. 전부 쓰거나 아무것도 쓰지 않는다
      --dry-run           쓸 파일을 보여 주기만 하고 아무것도 쓰지 않는다
  -h, --help              이 도움말을 보여 준다
  -v, --version           버전을 보여 준다

예:
  npx create-pod-pattern my-service --pattern sidecar --yes
  npm create pod-pattern@latest my-service -- --pattern adapter --namespace demo
  npx create-pod-pattern shop --pattern anti-pattern --yes
  npx create-pod-pattern lint k8s/ --only pod-design
`,

  prompts: {
    lang: '질문과 메시지, 생성할 프로젝트의 언어',
    langChoices: { en: 'English (영어)', ko: '한국어' },
    directory: '프로젝트 디렉터리',
    pattern: '앱 곁에 둘 헬퍼를 고르자(스페이스로 고르고 엔터로 넘어간다. 아무것도 고르지 않으면 싱글턴)',
    patterns: {
      singleton: 'singleton: app 컨테이너 하나',
      sidecar: 'sidecar logger: app과, 공유 볼륨의 로그를 보내는 log-shipper',
      ambassador: 'ambassador proxy: app과, 장애 조치를 하는 루프백(loopback) 프록시',
      adapter: 'adapter monitor: app과, 프로메테우스 형식으로 바꾸는 어댑터',
      'anti-pattern': 'anti-pattern, 하지 말아야 할 설계: 웹, 앱, 데이터베이스를 한 파드에 넣은 것과 바른 설계(이것만 고른다)',
    },
    name: '워크로드 이름 (DNS-1123 레이블)',
    namespace: '네임스페이스 (비우면 현재 컨텍스트의 네임스페이스)',
    port: 'app 컨테이너의 포트',
    replicas: '레플리카 수',
    target: 'deploy 스크립트가 먼저 시도할 로컬 클러스터',
    sidecarMode: '헬퍼를 네이티브 사이드카(쿠버네티스 1.29+)로 시작할까, 일반 컨테이너로 시작할까?',
    sidecarModes: {
      native:
        '네이티브 사이드카: restartPolicy: Always인 초기화 컨테이너다. app보다 먼저 시작하고 나중에 멈추므로 app이 남긴 것을 놓치지 않는다',
      classic: '일반 컨테이너: containers에 app과 나란히 둔다. app과 함께 시작하고 멈추며, 순서는 정해지지 않는다',
    },
    imagePrefix: '이미지 이름 접두사',
  },

  rules: {
    nameEmpty: '이름이 비어 있다. --name <이름>으로 정하자. 예: --name my-service',
    nameTooLong: ({ name, length, suffix, max }) =>
      `${q(name)} 이름은 ${length}자다. "<name>${suffix}" 같은 오브젝트 이름이 63자 안에 들어가야 하므로 ${max}자 이하로 정하자`,
    nameNotLabel: ({ name, suggestion }) =>
      `${q(name)} 이름은 DNS-1123 레이블이 아니다. 영문 소문자, 숫자, '-'만 쓸 수 있고, 처음과 끝은 영문 소문자나 숫자여야 한다(예: ${q(suggestion)})`,
    nameNotDns1035: ({ name, suggestion }) =>
      `${q(name)} 이름은 서비스 이름(DNS-1035)으로도 쓰이므로 영문 소문자로 시작해야 한다. 예: ${q(suggestion)}`,
    nameFromDirectory: ({ problem }) => `${problem} (이름을 주지 않으면 디렉터리 이름을 쓴다. --name으로 정하자)`,
    namespaceTooLong: ({ namespace }) => `${q(namespace)} 네임스페이스의 이름이 63자보다 길다`,
    namespaceNotLabel: ({ namespace }) =>
      `${q(namespace)} 네임스페이스는 DNS-1123 레이블이 아니다. 영문 소문자, 숫자, '-'만 쓸 수 있고, 처음과 끝은 영문 소문자나 숫자여야 한다`,
    namespaceReserved: ({ namespace }) => `${q(namespace)} 네임스페이스는 클러스터가 쓰는 이름(kube-*)이다. 다른 이름을 고르자`,
    portNotNumber: ({ value }) => `${q(value)} 값은 포트 번호가 아니다. 1024에서 65535 사이의 정수를 쓰자. ${SHARED_NETWORK}`,
    portPrivileged: ({ port }) =>
      `${port}번 포트는 특권 포트다. 컨테이너는 루트가 아닌 사용자로, 모든 기능(capability)을 제거한 채 실행되므로 1024 이상을 쓰자(예: 8080). ${SHARED_NETWORK}`,
    portTakenInPod: ({ port, container }) =>
      `${port}번 포트는 이 파드의 \`${container}\` 컨테이너가 이미 쓰고 있다. 다른 포트를 고르자(예: 8080). ${SHARED_NETWORK}`,
    portTakenByDemo: ({ port, companion }) =>
      `${port}번 포트는 \`npm run dev\`에서 데모 \`${companion}\` 서버가 수신 대기하는 포트다. \`npm run dev\`는 이 데모 서버를 파드와 나란히 이 머신의 localhost에서 실행한다. 데모 서버는 이 파드의 컨테이너가 아니지만(클러스터에서는 자기 파드에서 실행된다), 로컬에서는 app이 같은 포트를 바인드할 수 없다. 다른 포트를 고르자(예: 8080). ${SHARED_NETWORK}`,
    portTakenInWrongPod: ({ port, container, folder }) =>
      `${port}번 포트는 ${container} 컨테이너의 포트다. 잘못된 설계(${folder}/)에서는 web, app, db 컨테이너가 한 파드의 localhost를 함께 쓰므로 app 컨테이너가 그 포트를 바인드할 수 없다. 다른 포트를 고르자(예: 8080). ${SHARED_NETWORK}`,
    lessonAlone: ({ pattern }) =>
      `--pattern ${pattern} 값은 헬퍼가 아니라 그 자체로 하나의 프로젝트다(웹, 앱, 데이터베이스의 두 설계). 다른 값과 섞지 말고 따로 주자. 예: --pattern ${pattern}`,
    replicas: ({ value }) => `레플리카 수는 1에서 100 사이의 정수여야 한다(받은 값: ${q(value)})`,
    // 주제어는 고정된 우리말이므로 조사까지 함께 적는다.
    notOneOf: ({ what, value, choices }) =>
      `${{ pattern: '패턴은', target: '대상 클러스터는', sidecarMode: '사이드카 모드는' }[what]} 다음 중 하나여야 한다: ${choices} (받은 값: ${q(value)})`,
    nativeOnPodman:
      '--sidecar-mode native는 podman 대상에서 실행할 수 없다. podman 4.3은 네이티브 사이드카가 있는 파드의 주 컨테이너를 시작하지 않는다. --sidecar-mode classic(podman의 기본값)을 쓰자',
    imagePrefix: ({ prefix, sample }) =>
      `${q(prefix)} 접두사로는 올바른 이미지 이름(${q(sample)})을 만들 수 없다. 영문 소문자, 숫자, '.', '_', '-', '/'만 쓰자(레지스트리 호스트에는 1에서 65535 사이의 포트를 붙일 수 있다). 예: "local/", "registry.example:5000/team/"`,
    badLang: ({ value, langs }) => `--lang 옵션은 ${langs} 중 하나여야 한다(받은 값: ${q(value)})`,
    noDirectory: '디렉터리를 주지 않았다. 첫 번째 인자로 주거나(예: `create-pod-pattern my-service`), 기본값을 쓰려면 --yes를 주자',
    noPattern: ({ patterns, fallback }) =>
      `패턴을 정하지 않았다. --pattern <${patterns}> 옵션으로 정하거나, 기본값(${fallback})을 쓰려면 --yes를 주자`,
  },

  usage: {
    unknownOption: ({ option }) => `${option}: 알 수 없는 옵션이다. --help로 옵션 목록을 확인하자`,
    missingValue: ({ option }) => `${option} 옵션에는 값이 필요하다. 예: ${option} <값>`,
    other: ({ message }) => `${message}. --help로 옵션 목록을 확인하자`,
    twoDirectories: ({ count, given }) => `디렉터리는 하나만 줄 수 있는데 ${count}개를 주었다: ${given}`,
  },

  refusals: {
    emptyPath: '디렉터리가 빈 문자열이다. 폴더 이름(예: my-service)이나 현재 폴더를 뜻하는 "."을 주자',
    controlCharacters: ({ dir }) => `디렉터리 이름 ${q(dir)}에 제어 문자가 들어 있다. 제어 문자가 없는 이름을 고르자`,
    nameTooLong: ({ name, bytes, max }) =>
      `폴더 이름 ${name}의 길이가 ${bytes}바이트다. 파일 시스템은 이름 하나에 ${max}바이트까지 허용하므로 더 짧은 이름을 고르자`,
    pathTooLong: ({ path, bytes, max }) =>
      `경로 ${path}의 길이가 ${bytes}바이트다. 시스템은 ${max}바이트까지 허용하므로 더 짧은 경로를 고르자`,
    targetIsLink: ({ dir, dangling }) =>
      `${dir} 경로는 ${dangling ? '대상이 없는 ' : ''}심볼릭 링크다. 프로젝트는 실제 폴더에만 쓴다. 링크가 가리키는 폴더나 다른 디렉터리를 주자`,
    parentLinkDangling: ({ path, dir }) =>
      `${path} 경로가 대상이 없는 심볼릭 링크라서 ${dir} 디렉터리를 만들 수 없다. 다른 디렉터리를 고르자`,
    parentNotFolder: ({ path, dir }) => `${path} 경로가 폴더가 아니라서 그 안에 ${dir} 디렉터리를 만들 수 없다. 다른 디렉터리를 고르자`,
    parentIsFile: ({ path, dir }) => `${path} 경로가 파일이라서 그 안에 ${dir} 디렉터리를 만들 수 없다. 다른 디렉터리를 고르자`,
    targetNotFolder: ({ dir }) => `${dir} 경로에 디렉터리가 아닌 것이 이미 있다. 다른 디렉터리를 고르자`,
    notEmpty: ({ dir }) =>
      `${dir} 디렉터리가 비어 있지 않다. 다른 디렉터리를 고르거나, 그 안에 쓰려면 --force를 주자(프로젝트에 없는 파일은 그대로 남는다)`,
    locked: ({ dir, pid }) =>
      `다른 create-pod-pattern 실행(pid ${pid})이 ${dir}에 쓰고 있어서 이번 실행은 아무것도 쓰지 않았다. 그 실행이 끝나기를 기다리거나 다른 디렉터리를 고르자`,
    lockNotOurs: ({ path }) =>
      `${path} 경로는 create-pod-pattern이 만든 잠금이 아니다(잠금은 심볼릭 링크다). 지우지 않으므로 다른 곳으로 옮기고 다시 실행하자`,
    createdMeanwhile: ({ dir }) =>
      `이 프로그램이 ${dir} 디렉터리를 만들려는 사이에 다른 프로그램이 먼저 만들었다. 아무것도 쓰지 않았다. 그 안에 쓰려면 다시 실행하자(비어 있지 않으면 --force와 함께)`,
    conflicts: ({ target, conflicts }) => `${target}에 쓸 수 없다: ${conflicts}. 이를 다른 곳으로 옮기거나 다른 디렉터리를 고르자`,
    isLink: ({ path }) => `${path} 경로는 심볼릭 링크다. 프로젝트는 링크를 거쳐 쓰지도, 링크를 바꾸지도 않는다`,
    fileWhereFolder: ({ path }) => `${path} 경로는 파일인데 프로젝트는 그 자리에 폴더가 필요하다`,
    folderWhereFile: ({ path }) => `${path} 경로는 폴더인데 프로젝트는 그 자리에 파일을 쓴다`,
    separator: '; ',
  },

  outcome: {
    invalidManifests: '생성한 매니페스트가 올바르지 않다(create-pod-pattern의 버그다. 실행한 명령과 함께 알려 주자):',
    cancelled: '취소했다. 아무것도 쓰지 않았다',
    nothingWritten: '아무것도 쓰지 않았다.',
    restoreFailed: ({ target, cause, error, keptIn }) =>
      `${cause ? `${cause}. 이어서 ` : ''}${target} 디렉터리를 원래대로 되돌리지 못했다(${error}). ` +
      `${keptIn ? `프로젝트가 바꾼 파일은 ${keptIn} 폴더에 남아 있다. ` : ''}${target} 디렉터리에 쓰는 다음 실행이 먼저 되돌리기를 마친다.`,
    dryRun: ({ count, dir }) => `${dir}/에 파일 ${count}개를 쓸 것이다(시험 실행: 아무것도 쓰지 않았다):`,
    fileLine: ({ path, bytes }) => `  ${path}  (${bytes} bytes)`,
    created: ({ pattern, containers, dir, count }) => {
      const titles: Record<string, string> = {
        singleton: '싱글턴(singleton)',
        sidecar: '사이드카 로거(sidecar logger)',
        ambassador: '앰배서더 프록시(ambassador proxy)',
        adapter: '어댑터 모니터(adapter monitor)',
      };
      // 헬퍼를 여럿 고르면(`sidecar,adapter`) 각 패턴의 이름을 잇는다.
      const title = pattern
        .split(',')
        .map((p) => titles[p] ?? p)
        .join(' + ');
      return `${dir}/에 ${title} 파드(${containers})를 만들었다(파일 ${count}개).`;
    },
    createdLesson: ({ containers, dir, count, wrongFolder, fixFolder }) =>
      `${dir}/에 안티패턴 교육용 프로젝트를 만들었다(파일 ${count}개). ${containers} 컨테이너를 한 파드에 넣은 설계(${wrongFolder}/, 하지 말아야 할 것)와 바른 설계(${fixFolder}/, 워크로드 세 개)가 들어 있다.`,
    devLesson: 'npm run dev       # 바른 설계(k8s/): db, app, web을 로컬 프로세스로',
    demo: 'npm run demo      # 두 설계를 나란히: 스케일, 장애, 롤아웃',
    expectedFinding: ({ folder, check }) =>
      `${folder}/ 폴더는 린트 발견 사항(${check})을 보여 주도록 만들었는데, 린트가 더는 이 사항을 보고하지 않는다`,
    clusterNamespace: ({ namespace }) =>
      `${namespace} 네임스페이스는 클러스터가 원래 가진 것이다. k8s/는 모든 오브젝트를 그 안에 두지만, 네임스페이스 자체를 만들거나 레이블을 달거나 지우지는 않는다(그래서 그 네임스페이스의 파드 시큐리티 표준 정책은 그대로다).`,
    next: '다음 단계:',
    test: 'npm test          # 각 컨테이너의 테스트',
    dev: 'npm run dev       # 파드의 컨테이너를 로컬 프로세스로 실행(localhost 공유)',
    deploy: ({ target }) => `npm run deploy    # 이미지를 빌드하고 k8s/를 로컬 클러스터에 적용(${target} 우선)`,
  },
};
