// The ko words of the scripts, written by create-pod-pattern.
export const text = {
  "title": "같은 가게를 두 가지 설계로 실행한다: 안티패턴({antiPattern}/: 웹, 앱, 데이터베이스가 한 파드에 있다)과 바른 설계({fix}/: 셋이 저마다 워크로드와 서비스를 가진다).",
  "howItRuns": "클러스터 없이 실행한다. 파드마다 컨테이너를 로컬 프로세스로 띄우고, 같은 파드의 프로세스는 그 파드만의 localhost(포트 묶음)를 함께 쓴다. 서비스는 준비된 파드에 연결을 하나씩 차례로 넘기는 로컬 프록시다. 준비성 프로브(readiness probe)는 주기적으로 확인하고, 죽은 컨테이너는 잠시 뒤 다시 시작한다. emptyDir는 파드와 함께 지워지는 폴더이고, 퍼시스턴트볼륨클레임(PersistentVolumeClaim)은 파드가 사라져도 남는 폴더다.",
  "designs": {
    "antiPattern": "안티패턴",
    "fix": "바른 설계"
  },
  "lessons": {
    "scaling": "1. 스케일: 레플리카 세 개, 방문 열 번",
    "failure": "2. 장애: 데이터베이스가 죽어 잠시 돌아오지 않는다",
    "rollout": "3. 롤아웃: 앱을 새 버전으로"
  },
  "steps": {
    "started": "{folder}/ 시작, {seconds}초 만에 모두 준비: {pods}",
    "wrote": "서비스로 보낸 POST /api/visits {total}번 중 {writes}번에 응답이 왔다",
    "readPod": "파드 {pod}에 GET /api/visits: 방문 수 {visits}, 데이터베이스 {db}",
    "crashed": "파드 {pod}의 데이터베이스를 죽였다(SIGKILL, pid {pid}). kubelet이 {seconds}초 뒤 다시 시작한다",
    "whileDown": "데이터베이스가 멈춘 동안 방문자 {requests}명: 페이지는 {pageOk}번 열렸고, API는 \"database unavailable\"이라고 {apiDatabaseUnavailable}번 답했고, {failed}명은 아무 응답도 받지 못했다(첫 페이지: {page}, 첫 API 호출: {api})",
    "recovered": "데이터베이스가 돌아왔다(pid {pids}): 페이지 {page}, API {api}",
    "beforeRollout": "방문 {writes}번 뒤 GET /api/visits: 방문 수 {visits}, 데이터베이스 {db}",
    "rolledOut": "{workload}의 새 파드 템플릿을 롤아웃했다: {pods}",
    "afterRollout": "롤아웃 뒤 GET /api/visits: 방문 수 {visits}, 데이터베이스 {db}"
  },
  "answers": {
    "none": "응답 없음({error})",
    "status": "{status} {body}"
  },
  "shows": {
    "scaling": "핵심: 안티패턴은 레플리카를 늘릴 때 데이터베이스까지 복제했다. 데이터베이스 {antiDatabases}개가 방문 {writes}번을 나눠 가져서({antiAnswers}) 방문자마다 다른 수를 본다. 바른 설계는 상태가 없는 웹과 앱만 늘렸다. 데이터베이스는 {fixDatabases}개, 답은 하나다({fixAnswers}).",
    "failure": "핵심: 안티패턴에서는 데이터베이스 하나 때문에 파드가 서비스에서 빠졌고, 웹과 앱도 함께 빠졌다. 방문자 {requests}명 중 {antiFailed}명이 아무것도 받지 못했다. 바른 설계에서는 웹이 살아 있었다. 페이지는 {requests}번 중 {fixPageOk}번 열렸고, \"database unavailable\"이라고 {fixUnavailable}번 알렸으며, 저절로 회복했다.",
    "rollout": "핵심: 앱만 바꿨는데 안티패턴 파드가 통째로 교체됐다. 데이터베이스는 새로 만든 빈 emptyDir에서 다시 시작했다(방문 수 {antiBefore} -> {antiAfter}). 바른 설계에서는 앱 파드만 교체됐고, 데이터베이스와 퍼시스턴트볼륨클레임은 그대로 남았다({fixBefore} -> {fixAfter})."
  },
  "summary": {
    "title": "요약(이 머신에서 잰 값)",
    "columns": {
      "lesson": "단계",
      "measure": "측정 항목"
    },
    "lessons": {
      "scaling": "스케일",
      "failure": "장애",
      "rollout": "롤아웃"
    },
    "rows": {
      "databases": "데이터베이스 수",
      "answers": "방문 {writes}번 뒤 웹 파드마다 답한 방문 수",
      "pageOk": "데이터베이스가 멈춘 동안 열린 페이지",
      "apiDatabaseUnavailable": "API가 \"database unavailable\"이라고 답함",
      "failed": "응답이 없던 요청",
      "dbRestarted": "앱 롤아웃으로 데이터베이스가 재시작했나",
      "visits": "롤아웃 전 -> 후 방문 수"
    },
    "yes": "예",
    "no": "아니요",
    "none": "-"
  },
  "stopping": "{signal}: 데모가 시작한 파드를 모두 멈춘다",
  "problems": {
    "notReady": "파드 {pod}: {seconds}초가 지나도 준비되지 않았다",
    "ready": "준비됨",
    "notReadyContainer": "준비 안 됨"
  }
};
