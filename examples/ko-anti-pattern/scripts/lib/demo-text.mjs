// The ko words of this script, written by create-pod-pattern.
export const text = {
  "title": "같은 가게를 두 가지로 만든다: 안티패턴({antiPattern}/: 웹, 앱, 데이터베이스가 한 파드에 있다)과 해결책({fix}/: 각자 워크로드와 서비스를 가진다).",
  "howItRuns": "클러스터는 없다: 파드마다 컨테이너를 로컬 프로세스로 실행하고 프로세스들은 파드 고유의 localhost(포트 묶음)를 함께 쓴다. 서비스는 준비된 파드에 연결을 차례로 넘기는 로컬 프록시이고, 준비성 프로브(readiness probe)를 주기적으로 확인하며, 죽은 컨테이너는 잠시 뒤 다시 시작한다. emptyDir는 파드와 함께 지워지는 폴더이고, 퍼시스턴트볼륨클레임(PersistentVolumeClaim)은 파드보다 오래 남는 폴더다.",
  "designs": {
    "antiPattern": "안티패턴",
    "fix": "해결책"
  },
  "lessons": {
    "scaling": "1. 스케일: 레플리카 세 개, 방문 열 번",
    "failure": "2. 장애: 데이터베이스가 죽고 잠시 멈춰 있다",
    "rollout": "3. 롤아웃: 앱의 새 버전"
  },
  "steps": {
    "started": "{folder}/ 시작: {pods}; {seconds}초 만에 모두 준비",
    "wrote": "서비스를 거친 POST /api/visits {total}번 중 {writes}번 응답",
    "readPod": "파드 {pod}에 GET /api/visits: 방문 {visits}, 데이터베이스 {db}",
    "crashed": "파드 {pod}의 데이터베이스를 죽였다(SIGKILL, pid {pid}); kubelet이 {seconds}초 뒤 다시 시작한다",
    "whileDown": "멈춰 있는 동안 방문자 {requests}명: 페이지가 {pageOk}번 열렸고, API가 \"database unavailable\"을 {apiDatabaseUnavailable}번 답했고, {failed}번은 아무 응답도 없었다(첫 페이지: {page}; 첫 API 호출: {api})",
    "recovered": "데이터베이스가 돌아왔다(pid {pids}): 페이지 {page}, API {api}",
    "beforeRollout": "방문 {writes}번 뒤 GET /api/visits: 방문 {visits}, 데이터베이스 {db}",
    "rolledOut": "{workload}의 새 파드 템플릿을 롤아웃했다: {pods}",
    "afterRollout": "롤아웃 뒤 GET /api/visits: 방문 {visits}, 데이터베이스 {db}"
  },
  "answers": {
    "none": "응답 없음({error})",
    "status": "{status} {body}"
  },
  "shows": {
    "scaling": "보여 주는 것: 안티패턴은 레플리카마다 데이터베이스도 복제했다. 데이터베이스 {antiDatabases}개가 방문 {writes}번을 나눠 가져서({antiAnswers}) 방문자마다 다른 수를 본다. 해결책은 상태가 없는 웹과 앱만 스케일했다: 데이터베이스 {fixDatabases}개, 답은 하나({fixAnswers}).",
    "failure": "보여 주는 것: 안티패턴에서는 데이터베이스가 파드를 서비스에서 빼 버려 웹과 앱도 함께 빠졌다: 방문자 {requests}명 중 {antiFailed}명이 아무것도 받지 못했다. 해결책에서는 웹이 살아 있었다: 페이지가 {requests}번 중 {fixPageOk}번 열렸고 \"database unavailable\"을 {fixUnavailable}번 알렸으며, 스스로 회복했다.",
    "rollout": "보여 주는 것: 앱을 바꾸자 안티패턴 파드가 통째로 교체됐다. 데이터베이스는 새로운 빈 emptyDir로 다시 시작했다(방문 {antiBefore} -> {antiAfter}). 해결책에서는 앱 파드만 교체됐고 데이터베이스와 퍼시스턴트볼륨클레임은 그대로다({fixBefore} -> {fixAfter})."
  },
  "summary": {
    "title": "요약(이 머신에서 잰 값)",
    "columns": {
      "lesson": "교훈",
      "measure": "측정"
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
      "dbRestarted": "앱 롤아웃으로 데이터베이스가 재시작됨",
      "visits": "롤아웃 전 -> 후 방문 수"
    },
    "yes": "예",
    "no": "아니오",
    "none": "-"
  },
  "stopping": "{signal}: 데모가 시작한 파드를 모두 멈춘다"
};
