/**
 * `create-pod-pattern lint`의 모든 문장, 한국어판. 용어는 쿠버네티스 문서 한글화 용어집
 * (kubernetes/website content/ko/docs/contribute/localization_ko.md)을 따르고, 필드 이름·경로·
 * 검사 id는 구성 파일에 그대로 쓰므로 옮기지 않는다.
 */
import { MIN_GRACE_WITH_HELPERS, MIN_USER_ID, RESTRICTED_VOLUME_TYPES, SAFE_SYSCTLS, SELINUX_TYPES } from '../../lint/limits.js';
import type { LintText } from '../en/lint.js';

const read = (files: number, objects: number) => `파일 ${files}개, 오브젝트 ${objects}개`;
/** 조사가 받침에 따라 달라지므로(사용자로, 그룹으로) 조사까지 함께 고른다. */
const what = (w: 'user' | 'group') => (w === 'user' ? '사용자' : '그룹');
const whatAs = (w: 'user' | 'group') => (w === 'user' ? '사용자로' : '그룹으로');
const whatWith = (w: 'user' | 'group') => (w === 'user' ? '사용자와' : '그룹과');
/** `a`, `b`: 필드 이름을 코드 스팬으로 감싸 쉼표로 잇는다(조사는 뒤에 오는 "필드"에 붙인다). */
const fieldList = (fields: string[]) => fields.map((f) => `\`${f}\``).join(', ');

const hostNamespace = (field: string, namespace: string, effect: string) => ({
  description: `파드가 노드의 ${namespace} 네임스페이스를 공유하지 않는다(${field}).`,
  message: `${field} 필드가 true이다: ${effect}.`,
  fix: `파드 스펙에서 \`${field}: true\`를 지운다.`,
});

const ids = {
  description: (field: string) => `${field} 필드는 ${MIN_USER_ID} 이상의 숫자다(0은 안 된다). 파드나 컨테이너에 설정한다.`,
  unset: ({ field, what: w }: { field: string; what: 'user' | 'group' }) =>
    `${field} 필드가 설정되지 않아 이미지가 ${what(w)} ID를 정한다. 루트일 수도 있다.`,
  notNumber: ({ field, value }: { field: string; value: string }) => `${field} 필드의 값이 숫자가 아니다(값: ${value}).`,
  root: ({ field, what: w }: { field: string; what: 'user' | 'group' }) => `${field} 필드가 0이다: 컨테이너가 루트 ${whatAs(w)} 실행된다.`,
  low: ({ field, id, what: w }: { field: string; id: number; what: 'user' | 'group' }) =>
    `${field} 필드가 ${id}(${MIN_USER_ID} 미만)여서 호스트의 ${whatWith(w)} ID가 겹칠 수 있다.`,
  fix: ({ field }: { field: string }) =>
    `파드 스펙에 \`securityContext.${field}: 10001\`(${MIN_USER_ID} 이상이면 된다)을 설정하고, 이미지도 같은 숫자 ID의 USER로 빌드한다.`,
};

const missingProbe = (field: string, name: string, why: string) => ({
  description: `포트를 선언한 컨테이너(네이티브 사이드카 컨테이너 포함)에는 ${name}(\`${field}\`)가 있다. 포트가 없는 컨테이너에는 필요 없다.`,
  message: ({ ports }: { ports: string }) => `컨테이너가 포트 ${ports}에서 요청을 받는데 ${name}(\`${field}\`)가 없다: ${why}`,
  fix: ({ container, examples }: { container: string; examples: string[] }) =>
    `컨테이너 ${container}에 \`${field}\`를 추가한다. 예: ${examples.join(' 또는 ')}.`,
});

const resourceFix =
  (example: string) =>
  ({ fields, container }: { fields: string[]; container: string }) =>
    `컨테이너 ${container}에 ${fieldList(fields)} 필드를 설정한다. 예: ${example}.`;

export const lint: LintText = {
  usage: `사용법: create-pod-pattern lint <파일 또는 폴더...> [--format text|json] [--only <family>[,<family>...]] [--lang en|ko]

쿠버네티스 매니페스트를 검사한다. 대상은 디플로이먼트(Deployment)처럼 파드 템플릿을 가진
오브젝트, 서비스, 네임스페이스(Namespace)다. 파드 패턴의 원칙(파드 하나에 주 서비스 하나,
그 곁에 헬퍼), 파드 시큐리티 표준의 "restricted" 정책, 그리고 kube-linter, kube-score,
Polaris의 검사를 기준으로 삼는다. 폴더를 주면 그 안의 *.yaml, *.yml 파일을 찾아 읽는다.
파드 설계(pod-design) 문제를 먼저 보여 준다.

옵션:
  -f, --format <text|json>  출력 형식 (기본값: text)
      --only <families>     이 검사 분류만 보고한다. 쉼표로 구분한다:
                            pod-design, pod-security, resources, probes, images,
                            workload, services
      --lang <en|ko>        메시지 언어 (기본값: LC_ALL, LC_MESSAGES, LANG에서 정한다.
                            ko로 시작하면 한국어)
      --list-checks         모든 검사 id와 각 검사가 요구하는 내용을 출력한다
  -h, --help                이 도움말을 보여 준다

종료 코드: 0 문제 없음, 1 문제 발견, 2 잘못된 사용.
`,
  errors: {
    noPaths: '검사할 파일이나 폴더를 하나 이상 지정한다. 예: `create-pod-pattern lint k8s/`',
    badFormat: ({ value }) => `--format은 text 또는 json이어야 한다("${value}" 값은 쓸 수 없다)`,
    badLang: ({ value }) => `--lang은 en 또는 ko여야 한다("${value}" 값은 쓸 수 없다)`,
    unknownFamily: ({ value, families }) => `--only: "${value}"라는 검사 분류는 없다. 분류는 ${families}이다`,
    unknownOption: ({ option }) => `알 수 없는 옵션 ${option}`,
    missingValue: ({ option }) => `옵션 ${option}에 값이 필요하다`,
  },
  loader: {
    noSuchPath: ({ path }) => `${path}: 그런 파일이나 폴더가 없다`,
    noYamlInFolder: ({ path }) => `${path}: 이 폴더에는 .yaml이나 .yml 파일이 없다`,
    nothingToLint: '검사할 파일이나 폴더가 없다',
    unreadable: ({ path, reason }) => `${path}: ${reason}`,
    yamlSyntax: ({ error }) => `YAML을 해석할 수 없다: ${error}`,
    yamlSyntaxFix: '가리킨 위치의 YAML 문법(들여쓰기, 따옴표, 잘못 들어간 탭이나 콜론)을 고친다. 문서와 문서는 `---`로 나눈다.',
  },
  summary: {
    clean: ({ files, objects }) => `발견된 문제 없음 (${read(files, objects)}).`,
    found: ({ findings, errors, warnings, files, objects }) =>
      `문제 ${findings}건 (오류 ${errors}건, 경고 ${warnings}건): ${read(files, objects)}.`,
  },
  finding: {
    container: ({ name }) => `컨테이너 ${name}`,
    warning: '(경고)',
  },
  none: '없음',
  families: {
    'pod-design': '파드 하나에 무엇을 담는가: 파드 패턴에서 배우는 원칙.',
    'pod-security': '파드 시큐리티 표준의 "restricted" 정책, 그리고 kube-linter, kube-score, Polaris가 더하는 보안 컨텍스트 검사.',
    resources: '리소스 요청(request)과 한도(limit). 스케줄러가 파드를 배치할 수 있게 하고, 메모리 누수가 노드를 고갈시키지 못하게 한다.',
    probes: '컨테이너가 선언한 포트를 가리키는 준비성 프로브와 활성 프로브.',
    images: '언제나 같은 이미지를 받아 오는 이미지 참조.',
    workload: '컨트롤러 설정: 셀렉터, 레플리카, 종료 유예 기간.',
    services: '파드를 선택하고, 그 파드가 선언한 포트로 트래픽을 보내는 서비스.',
  },
  docs: {
    title: '# `create-pod-pattern lint`: 검사 목록',
    generated: '<!-- `npm run docs`가 src/lint/registry.ts와 src/i18n/ko/lint.ts에서 만든다. 이 파일이 아니라 그 파일들을 고친다. -->',
    intro: `생성된 프로젝트는 모든 검사를 통과한다. \`create-pod-pattern lint <파일 또는 폴더>\`로 어떤
매니페스트에든 실행할 수 있다. 검사 id는 바뀌지 않으므로 스크립트에서 써도 된다. 종료 코드: 0 문제 없음,
1 문제 발견, 2 잘못된 사용. 파드 설계 문제를 먼저 보여 주고, \`--only <family>\`로 한 분류만 볼 수 있다.
\`--list-checks\`는 이 목록을, \`--format json\`은 발견한 문제를 JSON으로 출력한다.`,
    header: '| 검사 | 심각도 | 요구 사항 |',
  },
  checks: {
    // 파드 설계
    'container-port-conflict': {
      description:
        '파드의 두 컨테이너(네이티브 사이드카 컨테이너 포함)가 같은 포트와 프로토콜을 선언하지 않는다. 파드의 컨테이너는 네트워크 네임스페이스 하나를 공유하기 때문이다.',
      message: ({ containers, port }) =>
        `${containers} 컨테이너가 모두 같은 포트(${port})를 쓴다. 파드의 컨테이너는 네트워크 네임스페이스 하나를 공유하므로 그중 하나만 이 포트에 바인딩할 수 있다.`,
      fix: ({ container }) =>
        `컨테이너 ${container}에 다른 포트를 준다(그 컨테이너의 환경 변수, 프로브, 서비스의 targetPort도 함께 맞춘다).`,
    },
    'undeclared-volume-mount': {
      description: '모든 volumeMount는 파드의 spec.volumes에 선언된 볼륨을 가리킨다.',
      message: ({ volume, path }) => `volumeMount ${volume}(마운트 경로 ${path})에 해당하는 볼륨이 파드에 없다.`,
      fix: ({ volume }) =>
        `spec.volumes에 볼륨을 선언하거나(예: \`- name: ${volume}\` 항목과 \`emptyDir: { sizeLimit: 64Mi }\`), 마운트의 이름을 고친다.`,
    },
    'multiple-main-services': {
      description:
        '파드는 주 서비스 하나와 그 헬퍼를 실행한다. 주 서비스란 `containers`에 있는 컨테이너 중 자기 포트(헬스 체크나 메트릭 포트가 아니고, 127.0.0.1에서만 요청을 받는 포트도 아닌 것), 자기 영구 데이터, 또는 잘 알려진 서버 이미지를 가진 컨테이너다. 네이티브 사이드카 컨테이너, 루프백 프록시, 메트릭 어댑터, 포트가 없는 컨테이너는 헬퍼다.',
      reasons: {
        port: ({ port }) => `포트 ${port}`,
        state: ({ path }) => `${path}의 데이터`,
        server: ({ server }) => `${server} 서버`,
      },
      service: ({ container, reasons }) => `${container}(${reasons.join(', ')})`,
      list: ({ items }) => items.join(', '),
      message: ({ count, services }) =>
        `이 파드는 주 서비스 ${count}개를 실행한다: ${services}. 한 파드의 컨테이너는 함께 스케줄되고, 함께 스케일되고, 함께 재시작되고, 함께 롤아웃된다. 그래서 하나가 실패하거나 하나만 배포해도 모두가 멈추고, \`replicas: 3\`이면 서비스마다 세 개씩 뜬다.`,
      messageWithData: ({ count, services, stateful }) =>
        `이 파드는 주 서비스 ${count}개를 실행한다: ${services}. 한 파드의 컨테이너는 함께 스케줄되고, 함께 스케일되고, 함께 재시작되고, 함께 롤아웃된다. 그래서 하나가 실패하거나 하나만 배포해도 모두가 멈추고, \`replicas: 3\`이면 ${stateful} 컨테이너도 세 벌이 따로 뜨며 저마다 데이터를 따로 가진다.`,
      fix: ({ services }) =>
        `${services} 컨테이너를 하나씩 별도의 디플로이먼트(Deployment)로 옮기고 저마다 서비스를 두어, 서로는 서비스 이름으로 찾게 한다. 앱의 파드에는 헬퍼(로그 전송기, 127.0.0.1의 프록시, 메트릭 어댑터)만 함께 둔다.`,
      fixWithData: ({ services, stateful }) =>
        `${services} 컨테이너는 하나씩 별도의 디플로이먼트(Deployment)로, ${stateful} 컨테이너는 퍼시스턴트볼륨클레임(PersistentVolumeClaim)을 쓰는 스테이트풀셋(StatefulSet)으로 옮기고, 저마다 서비스를 둔다. 서로는 서비스 이름으로 찾는다. 앱의 파드에는 헬퍼(로그 전송기, 127.0.0.1의 프록시, 메트릭 어댑터)만 함께 둔다.`,
      fixOnlyData: ({ stateful }) =>
        `${stateful} 컨테이너를 하나씩 퍼시스턴트볼륨클레임(PersistentVolumeClaim)을 쓰는 별도의 스테이트풀셋(StatefulSet)으로 옮기고 저마다 서비스를 둔다. 서로는 서비스 이름으로 찾는다.`,
    },

    // 파드 보안
    'privileged-container': {
      description: '특권을 가진(privileged) 컨테이너가 없다. 특권 컨테이너는 노드의 모든 장치와 캐퍼빌리티를 가진다.',
      message: 'securityContext.privileged가 true이다: 컨테이너가 노드 전체에 접근할 수 있다.',
      fix: ({ container }) => `컨테이너 ${container}에서 \`privileged: true\`를 지운다.`,
    },
    'privilege-escalation-container': {
      description: '모든 컨테이너가 allowPrivilegeEscalation: false를 명시한다(기본값은 setuid 바이너리의 권한 상승을 허용한다).',
      unset: 'securityContext.allowPrivilegeEscalation이 설정되지 않았다. 기본값은 true이다.',
      wrong: ({ value }) => `securityContext.allowPrivilegeEscalation이 ${value}이다.`,
      fix: ({ container }) => `컨테이너 ${container}에 \`securityContext.allowPrivilegeEscalation: false\`를 설정한다.`,
    },
    'run-as-non-root': {
      description: '모든 컨테이너에서 runAsNonRoot가 true이다. 파드나 컨테이너에 설정한다(컨테이너의 false가 파드 설정을 덮어쓴다).',
      overridden: '컨테이너의 securityContext.runAsNonRoot가 false라서 파드 설정을 덮어쓴다.',
      unset: '파드와 컨테이너 어디에도 runAsNonRoot: true가 없어서, 컨테이너가 루트로 실행되는 것을 막지 못한다.',
      fix: '파드 스펙에 `securityContext.runAsNonRoot: true`를 설정하고, 컨테이너의 `runAsNonRoot: false`는 지운다.',
    },
    'low-user-id': { ...ids, description: ids.description('runAsUser') },
    'low-group-id': { ...ids, description: ids.description('runAsGroup') },
    'seccomp-profile': {
      description: '모든 컨테이너가 seccomp 프로필 RuntimeDefault 또는 Localhost로 실행된다. 파드나 각 컨테이너에 설정한다.',
      unset: '파드에도 컨테이너에도 seccomp 프로필이 없다.',
      wrong: ({ type }) => `seccompProfile.type이 ${type}이다. RuntimeDefault나 Localhost만 쓸 수 있다.`,
      fix: '파드 스펙에 `securityContext.seccompProfile: { type: RuntimeDefault }`를 설정한다(컨테이너에 Unconfined를 두지 않는다).',
      localhostWithoutProfile: 'seccompProfile이 Localhost인데 localhostProfile이 없다.',
      localhostFix: '`seccompProfile.localhostProfile`에 프로필 이름을 적거나 `type: RuntimeDefault`를 쓴다.',
    },
    'drop-all-capabilities': {
      description: '모든 컨테이너가 리눅스 캐퍼빌리티를 모두 버린다(drop: [ALL]).',
      message: 'securityContext.capabilities.drop에 ALL이 없다.',
      fix: ({ container }) => `컨테이너 ${container}에 \`securityContext.capabilities.drop: [ALL]\`을 설정한다.`,
    },
    'added-capabilities': {
      description: 'NET_BIND_SERVICE 말고는 캐퍼빌리티를 다시 추가하지 않는다.',
      message: ({ capabilities }) =>
        `securityContext.capabilities.add에 ${capabilities} 캐퍼빌리티가 있다. 추가할 수 있는 것은 NET_BIND_SERVICE뿐이다.`,
      fix: ({ capabilities, container }) =>
        `컨테이너 ${container}의 capabilities.add에서 ${capabilities} 캐퍼빌리티를 지운다(캐퍼빌리티를 추가하는 대신 1024 이상의 포트에서 요청을 받는다).`,
    },
    'no-read-only-root-fs': {
      description: '모든 컨테이너에서 readOnlyRootFilesystem이 true이다. 써야 하는 경로에는 emptyDir 볼륨을 마운트한다.',
      message: '루트 파일시스템에 쓸 수 있다(securityContext.readOnlyRootFilesystem이 true가 아니다).',
      fix: ({ container }) =>
        `컨테이너 ${container}에 \`securityContext.readOnlyRootFilesystem: true\`를 설정하고, 써야 하는 곳(예: /tmp)에는 sizeLimit을 둔 emptyDir 볼륨을 마운트한다.`,
    },
    'host-port': {
      description: '컨테이너 포트를 노드에 바인딩하지 않는다(hostPort). 파드에는 서비스로 접근한다.',
      message: ({ port, hostPort }) => `${port} 포트가 노드의 hostPort ${hostPort}에 바인딩된다.`,
      fix: ({ container }) =>
        `컨테이너 ${container}에서 \`hostPort\`를 지우고, 대신 서비스(또는 kubectl port-forward)로 포트를 노출시킨다.`,
    },
    'unsafe-proc-mount': {
      description: 'procMount가 없거나 Default여서 /proc이 가려진 채로 남는다.',
      message: ({ value }) => `securityContext.procMount가 ${value}이다. /proc이 가려지지 않는다.`,
      fix: ({ container }) => `컨테이너 ${container}에서 \`procMount\`를 지운다(또는 Default로 설정한다).`,
    },
    'host-network': hostNamespace('hostNetwork', '네트워크', '파드가 노드의 네트워크 스택을 그대로 쓴다'),
    'host-pid': hostNamespace('hostPID', '프로세스', '파드가 노드의 프로세스를 보고 시그널을 보낼 수 있다'),
    'host-ipc': hostNamespace('hostIPC', 'IPC', '파드가 노드의 IPC 네임스페이스를 공유한다'),
    'host-path-volume': {
      description: 'hostPath 볼륨이 없다. hostPath는 노드의 파일시스템을 파드에 드러낸다.',
      message: ({ volume, path }) => `${volume} 볼륨이 hostPath 볼륨(${path})이다: 파드가 노드의 파일시스템을 읽고 쓴다.`,
      fix: '임시 파일이나 공유 파일에는 emptyDir 볼륨(sizeLimit 포함)을, 설정에는 configMap이나 secret 볼륨을, 데이터에는 persistentVolumeClaim을 쓴다.',
    },
    'restricted-volume-types': {
      description: `모든 볼륨이 restricted 정책이 허용하는 타입이다: ${RESTRICTED_VOLUME_TYPES.join(', ')} (hostPath는 host-path-volume 검사가 보고한다).`,
      message: ({ volume, types }) => `${volume} 볼륨의 타입(${types})은 restricted 정책이 허용하지 않는다.`,
      fix: `${RESTRICTED_VOLUME_TYPES.join(', ')} 중 하나를 쓴다(대부분의 스토리지는 persistentVolumeClaim으로 쓸 수 있다).`,
    },
    'unsafe-sysctls': {
      description: `파드의 sysctl은 안전한 목록 안에서만 쓴다: ${SAFE_SYSCTLS.join(', ')}.`,
      message: ({ sysctl }) => `sysctl ${sysctl} 항목은 안전한 목록에 없다. 노드의 다른 파드에 영향을 줄 수 있다.`,
      fix: ({ sysctl }) => `securityContext.sysctls에서 ${sysctl} 항목을 지운다.`,
    },
    'apparmor-profile': {
      description: 'AppArmor를 끄지 않는다: appArmorProfile(파드 또는 컨테이너)과 베타 어노테이션이 RuntimeDefault 또는 Localhost이다.',
      profile: ({ type }) => `appArmorProfile.type이 ${type}이다.`,
      annotation: ({ key, value }) => `${key} 어노테이션의 값이 ${value}이다.`,
      fix: 'Unconfined AppArmor 설정을 지우거나(기본값으로 RuntimeDefault가 적용된다) `appArmorProfile: { type: RuntimeDefault }`를 쓴다.',
    },
    'selinux-options': {
      description: `seLinuxOptions에 user나 role을 두지 않고, type은 ${SELINUX_TYPES.join(', ')} 중에서만 쓴다.`,
      message: ({ settings }) => `seLinuxOptions에 허용되지 않는 설정이 있다: ${settings}.`,
      fix: `seLinuxOptions의 user와 role을 지우고, type은 ${SELINUX_TYPES.join(', ')} 중 하나를 쓴다(또는 쓰지 않는다).`,
    },
    'host-process': {
      description: '호스트 권한으로 실행되는 윈도우 HostProcess 컨테이너(windowsOptions.hostProcess)가 없다.',
      pod: '파드가 윈도우 HostProcess 파드이다.',
      container: '컨테이너가 윈도우 HostProcess 컨테이너이다.',
      fix: '`windowsOptions.hostProcess: true`를 지운다.',
    },
    'automount-service-account-token': {
      description: '파드가 automountServiceAccountToken: false를 설정해서, 필요하지 않으면 API 자격 증명이 파일시스템에 놓이지 않는다.',
      message: 'automountServiceAccountToken이 false가 아니다: 모든 컨테이너가 쓰지도 않는 쿠버네티스 API 토큰을 받는다.',
      fix: '파드 스펙에 `automountServiceAccountToken: false`를 설정한다(API를 쓰는 컨테이너가 있다면 그 컨테이너에만 projected 토큰 볼륨을 둔다).',
    },
    'namespace-pod-security': {
      description:
        '입력에 있는 네임스페이스가 파드 시큐리티 표준의 restricted 정책을 강제한다(레이블 pod-security.kubernetes.io/enforce: restricted).',
      unset: '네임스페이스가 파드 시큐리티 표준을 강제하지 않는다.',
      wrong: ({ level }) => `네임스페이스가 강제하는 파드 시큐리티 표준 정책이 "restricted"가 아니라 "${level}"이다.`,
      fix: '네임스페이스에 레이블 `pod-security.kubernetes.io/enforce: restricted`를 추가한다.',
    },

    // 리소스
    'unset-cpu-requirements': {
      description: '모든 컨테이너가 CPU를 요청해서 스케줄러가 CPU를 확보해 둔다(CPU 한도는 스로틀링만 하므로 필수가 아니다).',
      message: ({ fields }) => `${fieldList(fields)} 필드가 설정되지 않았다: CPU 여유가 없는 노드에 파드가 배치될 수 있다.`,
      fix: resourceFix('`cpu: 50m`'),
    },
    'unset-memory-requirements': {
      description: '모든 컨테이너가 메모리를 요청하고 메모리 한도를 둔다.',
      message: ({ fields }) =>
        `${fieldList(fields)} 필드가 설정되지 않았다: 요청이 없으면 스케줄러가 노드를 초과 할당하고, 한도가 없으면 메모리 누수 하나가 노드 전체를 고갈시킬 수 있다.`,
      fix: resourceFix('둘 다 `memory: 64Mi`'),
    },
    'unset-ephemeral-storage-requirements': {
      description:
        '모든 컨테이너가 ephemeral-storage를 요청하고 ephemeral-storage 한도를 둔다(로그와 쓰기 가능한 레이어가 노드 디스크를 채운다).',
      message: ({ fields }) =>
        `${fieldList(fields)} 필드가 설정되지 않았다: 볼륨 밖에 쓰는 로그와 파일이 노드 디스크를 채워 다른 파드가 축출될 수 있다.`,
      fix: resourceFix('요청은 `ephemeral-storage: 64Mi`, 한도는 `128Mi`'),
    },
    'emptydir-size-limit': {
      description: '모든 emptyDir 볼륨에 sizeLimit이 있다. 그래서 쓰기가 폭주해도 노드를 채우는 대신 그 파드만 축출된다.',
      message: ({ volume }) => `${volume} 볼륨(emptyDir)에 sizeLimit이 없다: 노드 디스크를 가득 채울 수 있다.`,
      fix: ({ volume }) => `${volume} 볼륨에 \`emptyDir: { sizeLimit: 64Mi }\`(쓰는 양에 맞는 크기)를 설정한다.`,
    },

    // 프로브
    'no-readiness-probe': missingProbe(
      'readinessProbe',
      '준비성 프로브',
      '응답할 준비가 되기 전에 트래픽을 받고, 잘못된 롤아웃도 멈추지 않는다.',
    ),
    'no-liveness-probe': missingProbe('livenessProbe', '활성 프로브', '멈춘 프로세스가 재시작되지 않는다.'),
    'identical-probes': {
      description:
        '준비성 프로브와 활성 프로브는 서로 다른 것을 검사한다(kube-score). 한 번의 실패로 파드가 트래픽에서 빠지고 재시작까지 되면, 잠깐의 과부하가 연쇄 재시작으로 번진다.',
      message: ({ target }) => `readinessProbe와 livenessProbe가 같은 검사(${target})이다.`,
      fix: '준비성 프로브에는 자기 엔드포인트(예: /readyz, 트래픽을 받을 준비가 됨)를 주고, 활성 프로브는 "프로세스가 멈추지 않았다"만 검사한다(예: /healthz).',
    },
    'probe-port': {
      description: '모든 httpGet, tcpSocket, grpc 프로브는 같은 컨테이너의 containerPort를 이름이나 번호로 가리킨다.',
      noPort: ({ probe }) => `${probe}에 포트가 없다.`,
      undeclared: ({ probe, port, declared }) =>
        `${probe}.port가 가리키는 ${port} 포트는 이 컨테이너가 선언한 포트가 아니다(선언한 포트: ${declared}).`,
      fix: ({ field, example, container }) =>
        `${field} 프로브가 선언된 포트를 이름으로 가리키게 하거나(예: \`port: ${example}\`), 컨테이너 ${container}의 ports에 그 포트를 선언한다.`,
    },
    'probe-host': {
      description:
        '프로브와 라이프사이클 훅은 httpGet.host나 tcpSocket.host를 설정하지 않는다. 설정하면 kubelet이 파드 대신 다른 호스트에 연결한다.',
      message: ({ field, host }) => `${field}.host가 ${host}이다: kubelet이 이 파드가 아닌 다른 호스트를 검사한다.`,
      fix: ({ field }) => `${field}에서 \`host\`를 지운다(파드 IP가 쓰인다). 가상 호스트가 필요하면 httpHeaders의 Host 헤더를 쓴다.`,
    },

    // 이미지
    'latest-tag': {
      description: '모든 이미지에 latest가 아닌 태그나 다이제스트가 명시되어 있다.',
      noImage: '컨테이너에 이미지가 없다.',
      untagged: ({ image }) => `${image} 이미지에 태그가 없다. 그래서 :latest 태그로 취급되고, 모르는 사이에 바뀐다.`,
      latest: ({ image }) => `${image} 이미지가 :latest 태그를 쓴다. 이 태그는 모르는 사이에 바뀐다.`,
      fix: ({ container }) =>
        `컨테이너 ${container}의 이미지를 버전 태그(예: \`:1.4.2\`, 로컬에서 빌드한 이미지는 \`:dev\`)나 다이제스트(\`@sha256:...\`)로 고정한다.`,
    },
    'image-pull-policy': {
      description:
        'imagePullPolicy를 명시한다. 값은 무엇이든 된다: 로컬 클러스터에 적재한 이미지에는 IfNotPresent(또는 Never)가, 레지스트리에서 받는 바뀔 수 있는(mutable) 태그에는 Always가 맞다.',
      message: 'imagePullPolicy가 설정되지 않았다. 태그에 따라 조용히 달라진다(:latest면 Always, 아니면 IfNotPresent).',
      fix: ({ container }) =>
        `로컬 클러스터에 적재한 이미지라면 컨테이너 ${container}에 \`imagePullPolicy: IfNotPresent\`를, 레지스트리에서 받는 바뀔 수 있는 태그라면 \`Always\`를 설정한다.`,
    },

    // 워크로드
    'unset-replicas': {
      description:
        '디플로이먼트(Deployment), 스테이트풀셋(StatefulSet), 레플리카셋(ReplicaSet)은 spec.replicas를 명시해서, 파드가 몇 개 뜨는지 매니페스트에 드러낸다.',
      message: 'spec.replicas가 설정되지 않았다. 기본값은 1이고, 나중에 apply하면 스케일한 값이 조용히 되돌아간다.',
      fix: '`spec.replicas`를 설정한다(예: `replicas: 1`).',
    },
    'mismatching-selector': {
      description: '컨트롤러의 셀렉터(matchLabels와 matchExpressions)가 자기 파드 템플릿의 레이블과 맞는다.',
      empty: 'spec.selector가 없거나 비어 있다.',
      labelMissing: ({ label }) => `셀렉터의 ${label} 레이블이 파드 템플릿에 없다.`,
      labelDiffers: ({ label, actual }) => `셀렉터의 ${label} 레이블이 파드 템플릿의 ${actual} 레이블과 다르다.`,
      expression: ({ expression }) => `셀렉터의 표현식(${expression})이 파드 템플릿의 레이블과 맞지 않는다.`,
      message: ({ why }) => `${why} 컨트롤러가 자기가 만든 파드를 소유하지 못한다(API가 거부한다).`,
      fix: 'spec.selector.matchLabels의 모든 항목을 spec.template.metadata.labels에도 레이블로 둔다(예: 양쪽 모두 `app.kubernetes.io/name: <name>`).',
    },
    'termination-grace-period': {
      description: `terminationGracePeriodSeconds를 명시하고, 앱 곁에 헬퍼가 있으면 ${MIN_GRACE_WITH_HELPERS}초 이상으로 둔다(앱이 요청을 마무리한 뒤 헬퍼가 남은 것을 내보낸다).`,
      unset: 'terminationGracePeriodSeconds가 설정되지 않았다. 기본값 30초는 누가 정한 값이 아니라 우연히 붙은 값이다.',
      short: ({ grace, count, containers }) =>
        `terminationGracePeriodSeconds가 ${grace}초인데 컨테이너 ${count}개(${containers})가 차례로 멈춰야 한다. 헬퍼가 남은 것을 내보내기 전에 강제 종료된다.`,
      fix: '파드 스펙에 `terminationGracePeriodSeconds`(예: 30)를 설정해서 앱의 마무리와 헬퍼의 내보내기에 충분한 시간을 준다.',
    },

    // 서비스
    'dangling-service': {
      description:
        '서비스의 셀렉터가 같은 입력에 있는 어떤 워크로드의 파드 템플릿 레이블과 맞는다(셀렉터가 없는 서비스와 ExternalName 서비스는 건너뛴다).',
      message: ({ labels }) => `셀렉터의 레이블(${labels})을 모두 가진 파드 템플릿이 입력에 없다. 서비스에 엔드포인트가 생기지 않는다.`,
      fix: '서비스의 spec.selector가 디플로이먼트의 spec.template.metadata.labels에 모두 포함되게 한다(또는 서비스를 디플로이먼트와 함께 검사한다).',
    },
    'service-target-port': {
      description:
        '서비스의 각 포트는 자기가 선택하는 모든 파드에 선언된 containerPort를 (번호나 이름으로) 가리킨다. targetPort가 없으면 port를 쓴다.',
      message: ({ port, target, object, declared }) =>
        `${port} 포트는 ${target} 포트를 가리키지만, ${object}의 어느 컨테이너도 그 포트를 선언하지 않았다(선언한 포트: ${declared}).`,
      fix: 'targetPort를 트래픽을 보낼 컨테이너 포트의 이름으로 설정하고(예: `targetPort: http`), 그 포트를 컨테이너에 선언한다.',
    },
  },
};
