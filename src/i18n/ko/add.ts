/**
 * `create-pod-pattern add`의 모든 문장, 한국어판. 용어는 쿠버네티스 문서 한글화 용어집을 따르고,
 * 컨테이너·볼륨·필드 이름과 경로는 구성 파일에 그대로 쓰므로 옮기지 않는다. 영어 이름 뒤에는
 * 한국어 명사를 두고 조사를 붙인다(받침에 따라 조사가 달라지지 않게).
 */
import type { add as AddText } from '../en/add.js';

const POD_LESSON = '한 파드의 컨테이너는 하나의 네트워크(localhost)와 하나의 볼륨 이름 공간을 함께 쓴다';

export const add: typeof AddText = {
  usage: `사용법: create-pod-pattern add <헬퍼>[,<헬퍼>...] [--to <file.yaml>] [--deployment <이름>] [--dry-run]

기존 디플로이먼트(Deployment)에 헬퍼 컨테이너를 넣는다: sidecar(log-shipper), ambassador,
adapter. 주석, 키 순서, 따옴표, 앵커와 파일의 다른 문서는 쓴 그대로 둔다. 생성한 프로젝트에서는
(기본 파일 k8s/deployment.yaml) 컨테이너 코드, kustomization의 오브젝트와 README도 더한다.

옵션:
      --to <파일>            고칠 매니페스트 (기본값: k8s/deployment.yaml)
      --deployment <이름>    파일에 디플로이먼트가 여럿일 때 어느 것인지
      --sidecar-mode <m>     native 또는 classic (기본값: 파드의 헬퍼가 도는 방식, 없으면
                             podman 프로젝트는 classic, 그 밖에는 native)
      --dry-run              바꾸거나 더할 파일마다 unified diff를 출력한다
      --lang <en|ko>         메시지 언어
  -h, --help                 이 도움말을 보여 준다

종료 상태: 0 완료, 2 잘못된 사용이나 충돌(아무것도 쓰지 않음), 1 그 밖의 실패.
`,
  refusals: {
    noHelpers: '더할 헬퍼를 지정하자. 예: `create-pod-pattern add sidecar,adapter`',
    lessonProject: ({ pattern, folder }) =>
      `이 프로젝트는 ${pattern} 프로젝트다. 웹, 앱, 데이터베이스를 두 가지 설계로 담았고(${folder}/ 폴더가 가르치는 실수다), 헬퍼를 더할 패턴 파드가 아니다. 헬퍼를 더하려면 패턴 프로젝트를 만들거나(예: \`npx create-pod-pattern my-service --pattern sidecar\`), --to <file.yaml>로 직접 만든 디플로이먼트를 지정하자`,
    unknownHelper: ({ value, helpers }) => `"${value}" 값은 헬퍼 목록이 아니다. 헬퍼는 ${helpers} 중에서 쉼표로 이어 쓴다`,
    unknownOption: ({ option }) => `알 수 없는 옵션: ${option}`,
    missingValue: ({ option }) => `${option} 옵션에는 값이 필요하다`,
    badSidecarMode: ({ value }) => `--sidecar-mode 옵션은 native 또는 classic이어야 한다(받은 값: "${value}")`,
    badLang: ({ value }) => `--lang 옵션은 en 또는 ko여야 한다(받은 값: "${value}")`,
    noFile: ({ file }) => `${file} 파일이 없거나 읽을 수 없다. --to <file.yaml>로 매니페스트를 지정하자`,
    notAFile: ({ file }) => `${file} 경로는 폴더다. --to에는 매니페스트 파일 자체를 지정하자(예: --to ${file}/deployment.yaml)`,
    manifestIsLink: ({ file }) =>
      `${file} 파일은 심볼릭 링크다. add는 링크를 거쳐 쓰지도, 링크를 바꾸지도 않는다. 링크가 가리키는 파일을 --to로 지정하자`,
    notUtf8: ({ file, offset }) =>
      `${file} 파일은 UTF-8 텍스트가 아니다(오프셋 ${offset}의 바이트). 읽지 못하는 내용을 고쳐 쓰게 되므로, UTF-8로 저장한 뒤 다시 실행하자`,
    parse: ({ line, col, message }) => `파일을 YAML로 읽을 수 없다(${line}행 ${col}열): ${message}`,
    noDeployment: '파일에 헬퍼를 더할 디플로이먼트(Deployment)가 없다',
    severalDeployments: ({ names }) =>
      `파일에 디플로이먼트가 여럿 있다(${names}). --deployment <이름>으로 하나를 지정하자. 이름이 같은 것이 있으면 <네임스페이스>/<이름>으로 지정한다`,
    noSuchDeployment: ({ name, names }) => `파일에 "${name}" 디플로이먼트가 없다(디플로이먼트: ${names})`,
    noAppContainer: ({ deployment }) => `${deployment} 디플로이먼트에 컨테이너가 있는 파드 템플릿이 없다`,
    helperPresent: ({ helper, container, image }) => `파드에 이미 ${helper} 헬퍼가 있다: ${container} 컨테이너(이미지 ${image})`,
    nameTaken: ({ name, image }) =>
      `${name} 컨테이너 이름을 파드의 다른 컨테이너(이미지 ${image || '없음'})가 이미 쓴다. 컨테이너 이름은 파드 안에서 하나뿐이어야 한다`,
    portTaken: ({ port, container, helper }) =>
      `${helper} 컨테이너가 여는 ${port} 포트를 ${container} 컨테이너가 이미 쓴다: ${POD_LESSON}. 그래서 두 컨테이너가 한 포트를 열 수 없다`,
    volumeTaken: ({ volume, helper }) => `${helper} 컨테이너에 필요한 ${volume} 볼륨 이름을 파드가 이미 쓴다: ${POD_LESSON}`,
    mountPathTaken: ({ path, container, volume }) =>
      `${container} 컨테이너가 헬퍼의 공유 볼륨 자리인 ${path} 경로에 이미 ${volume} 볼륨을 마운트한다`,
    envTaken: ({ name, container, value, wanted }) =>
      `${container} 컨테이너가 이미 ${name}=${value} 값을 설정한다. 헬퍼에는 ${name}=${wanted} 값이 필요하다`,
    annotationTaken: ({ key, value, wanted }) => `파드 템플릿에 이미 ${key}: ${value} 어노테이션이 있다. 헬퍼에는 ${wanted} 값이 필요하다`,
    cannotInsert: ({ path, why }) =>
      why === 'merge'
        ? `${path} 키를 더할 수 없다. 이 맵은 그 키를 YAML 병합 키(<<)로 받아 오는데, 옆에 키를 쓰면 병합된 값을 덮어쓴다. 병합된 키를 그 맵에 직접 쓰고 다시 실행하자`
        : `${path} 위치에는 쓴 내용을 다시 쓰지 않고는 더할 수 없다(${why === 'alias' ? '다른 곳에서도 쓰는 앵커의 별칭이다' : why === 'flow' ? '[] 같은 플로 스타일로 썼다' : '목록이나 맵이 아니다'}). 블록 목록이나 맵으로 고쳐 쓰고 다시 실행하자`,
    mergeOverlap: ({ key, line, col }) =>
      `${line}행 ${col}열의 맵은 ${key} 키를 직접 쓰면서 YAML 병합 키(<<)로도 받아 온다. YAML 1.1은 직접 쓴 값을, kubectl은 나중에 오는 값을 택하므로 파일의 뜻이 둘이 된다. 하나만 남기고 다시 실행하자`,
    schema: ({ message }) => `디플로이먼트가 스키마에 맞지 않게 된다: ${message}`,
    podDesign: ({ findings }) => `파드가 파드 설계 규칙을 어기게 된다:\n  ${findings}`,
    projectFileUnreadable: ({ path, message }) =>
      `프로젝트의 ${path} 파일을 읽을 수 없다(${message}). add는 헬퍼를 위해 이 파일을 고친다. 파일을 바로잡고 add를 다시 실행하자`,
    pathTaken: ({ path }) =>
      `${path} 경로가 이미 있고 생성기가 만든 것이 아니다. 헬퍼 코드가 들어갈 자리이므로 다른 곳으로 옮기고 add를 다시 실행하자`,
    partsModuleEdited: ({ path, parts }) =>
      `${path} 파일에 앱의 선택 부품을 나열하는 줄 \`export const parts: AppPart[] = [...];\`이 없어서 ${parts} 부품을 더할 수 없다. 그 줄을 되살리고(직접 넣은 항목은 남겨도 된다) add를 다시 실행하자`,
  },
  outcome: {
    added: ({ helpers, file }) => `${file} 파일에 ${helpers} 헬퍼를 더했다.`,
    wrote: ({ count }) => `바꾸거나 더한 파일: ${count}개.`,
    dryRun: '시험 실행: 아무것도 쓰지 않았다.',
    kept: ({ path }) => `${path} 파일은 직접 고친 내용이 있어 그대로 두었다. 새 헬퍼 설명은 아직 들어 있지 않다.`,
    nextSteps: '다음: npm install && npm test && npm run dev',
  },
  appNeeds: {
    heading: '헬퍼가 동작하려면 앱이 다음을 해야 한다:',
    sidecar: ({ env, path, volume, container }) =>
      `- sidecar: 요청마다 한 줄씩 접근 로그를 ${path} 경로에 쓴다(${env} 환경 변수에 있다). 이 경로는 앱과 ${container} 컨테이너에 함께 마운트한 ${volume} 볼륨에 있다. 로테이션은 같은 폴더의 access.log.1..N으로 한다.`,
    ambassador: ({ env, url }) =>
      `- ambassador: 업스트림을 업스트림 자체 주소가 아니라 ${url} 주소로 부른다(${env} 환경 변수에 있다). 앰배서더의 UPSTREAMS 값을 실제 업스트림(host:port, 쉼표로 구분)으로 설정한다.`,
    adapter: ({ url, metricsPort, metricsPath }) =>
      `- adapter: 상태를 JSON 오브젝트로 ${url} 주소에서 제공한다(어댑터의 APP_STATUS_URL). 프로메테우스는 :${metricsPort}${metricsPath} 주소를 수집한다.`,
  },
};
