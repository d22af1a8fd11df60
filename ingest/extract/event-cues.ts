/**
 * Cue words for event types (English, Korean, Chinese in one pattern per type: the scripts do not
 * overlap) and the markers that make a mention hypothetical, habitual or a demand rather than a
 * report that something happened.
 */

export interface EventCue {
  type: string;
  re: RegExp;
  /** Cheap test for the stems the pattern needs; sentences without them skip the full pattern. */
  hint?: RegExp;
}

export const EVENT_CUES: EventCue[] = [
  {
    type: 'forced_repatriation',
    hint: /repatri|deport|back|hand|refoul|across|forc|return|북송|송환|보내|넘|인계|遣|送回/i,
    re: /\bforc(?:ed|ibly)\s+(?:repatriat|return|sen[dt]\s+back|deport)\w*|\brepatriat\w*(?=[^.]{0,80}\b(?:China|Chinese|Beijing|Russia|Laos|authorities|police)\b)|\brepatriat\w*(?=[^.;]{0,60}\bto\s+(?:North Korea|the North|the DPRK|the Democratic People's Republic of Korea|their (?:home )?country)\b)|\bsent\s+(?:back\s+)?across\s+(?:the\s+)?(?:[\w-]+\s+){0,3}border\b|\bdeport(?:ed|ing|ation|ations|s)?\b|\bsen[dt]\s+(?:\w+\s+){0,2}back\s+to\s+(?:North Korea|the North)\b|\b(?:sent|sends|sending)\s+back\b(?=[^.]{0,60}\b(?:North Korea|North Koreans|defectors|refugees|escapees|the North)\b)|\bhanded\s+(?:over|back)\s+to\s+(?:North Korean|the North)|\brefoulement|강제\s?북송|강제\s?송환|북송(?:했|됐|된|되|하|을|이|돼|당|시키)|(?:북측|북한|북한 당국|보위부|북한 보위부)에\s?(?:넘겼|넘긴|넘겨|인계)|송환(?:했|됐|된|되|돼|당|시키)|(?:되)?돌려\s?보내|遣返|遣送回|强制送回|强行遣返/gi,
  },
  {
    type: 'arrest_detention',
    hint: /arrest|detain|detention|impris|jail|prison|custody|caught|apprehend|rounded|stopped|체포|구금|검거|붙잡|수감|억류|연행|구속|단속|잡혀|逮捕|被捕|落网|拘|关押|抓|羁押/i,
    re: /\barrest(?:ed|s|ing)?\b|\bdetain(?:ed|ing|s)?\b|\bdetention\b(?!\s+(?:cent(?:er|re)|facilit))|\bimprison(?:ed|ment)\b|\bjailed\b|\bin (?:a |the )?(?:Chinese |North Korean )?(?:prison|jail)\b|\bin (?:police )?custody|\bcaught by (?:the )?(?:Chinese )?(?:police|authorities)|\bapprehend(?:ed|ing)?\b|\brounded up\b|\bstopped by (?:the )?(?:Chinese )?police|체포|구금(?!시설)|검거|붙잡(?:혀|힌|혔|았|은)|수감(?:됐|돼|된|되|중)|억류|연행|구속(?:됐|돼|된|되|했)|단속(?:돼|됐|되|에 걸)|잡혀|逮捕|被捕|落网|拘留|拘押|关押|抓获|被抓|抓捕|羁押/gi,
  },
  {
    type: 'border_crossing',
    hint: /cross|wad|swam|fled|escaped|defected|slipped|도강|월경|탈북|국경|강을|탈출|偷渡|越|过江|逃|进入中国/i,
    re: /\b(?:cross(?:ed|ing|es)|wad(?:ed|ing)|swam)\s+(?:the\s+)?(?:border|river|Tumen|Yalu|Amnok|Duman|frozen)\b|\billegal(?:ly)?\s+crossed|\billegal\s+crossing\b(?!s)|\bcrossing\s+of\s+the\b|\b(?:fled|escaped|defected|slipped|crossed)\s+(?:across|into|to)\s+(?:the border|China)\b|\b(?:escaped|fled)\s+(?:from\s+)?North Korea\b|도강|월경|탈북(?:했|한|하여|해서|하다|을 시도)|국경을\s?(?:넘|건너)|두만강을\s?건너|압록강을\s?건너|강을\s?건너|탈출(?:했|한)|偷渡|越境|非法越境|过江|越过边境|跨越边境|逃离朝鲜|逃(?:到|往|入)中国|进入中国(?:境内)?/gi,
  },
  {
    type: 'defection_arrival',
    hint: /arriv|landed|entered|reached|made it|defect|fled|resettl|입국|한국에|국내에|귀순|韩国/i,
    re: /\b(?:arriv\w*|landed|entered|reached|made it)\s+(?:safely\s+)?(?:in\s+|to\s+)?(?:South Korea|Seoul|Incheon)\b|\bdefect(?:ed|ing)?\s+to\s+(?:South Korea|the South|Seoul)\b|\bfled\s+to\s+(?:South Korea|the South)\b|\bresettl\w*\s+in\s+South Korea|입국(?:했|한|하|해|함)|한국에\s?(?:도착|왔|들어)|국내에\s?들어|귀순(?:했|한|해)|抵达韩国|进入韩国|入境韩国|投奔韩国|叛逃到韩国/gi,
  },
  {
    type: 'trafficking',
    hint: /traffick|sold|forced|sex|bride|인신매매|팔|결혼|착취|매매|拐卖|贩卖|被卖|婚姻/i,
    re: /\btraffick(?:ed|ing)\b(?!\s+routes)|\bhuman traffickers?\b|\bsold\s+(?:her|them|him|\w+\s+women)?\s*(?:to|as|into)\b|\bforced\s+(?:marriage|into\s+(?:marriage|prostitution|sex))|\bsex(?:ual)?\s+(?:slavery|exploitation)|\bforced\s+(?:\w+\s+){0,2}(?:to\s+work\s+in|into)\s+(?:\w+\s+)?(?:prostitution|brothels?|cybersex|sex)\b|\bbride[- ]trafficking|인신매매|팔려\s?(?:가|갔|간|나)|팔아\s?넘|강제\s?결혼|성\s?착취|매매혼|拐卖|贩卖人口|人口贩卖|被卖|强迫婚姻/gi,
  },
  {
    type: 'execution_punishment',
    hint: /execut|death|sentenced|shot|firing|camp|kwanliso|kyohwaso|punish|tortur|처형|총살|사형|교화소|단련대|수용소|관리소|고문|처벌|재판|处决|枪决|死刑|劳|酷刑|枪|射杀/i,
    re: /\bexecut(?:ed|ion|ions)\b|\bput to death|\bsentenced\s+to\s+(?:death|life|\d+|[a-z]+\s+years)|\bshot dead|\bfiring squad|\b(?:labou?r|prison|re-education|political prison|reeducation)\s+camps?\b|\bkwanliso|\bkyohwaso|\bpunish(?:ed|ment|ments)\b|\btortur(?:e|ed|ing)\b|공개\s?처형|처형|총살|사형|교화소|노동단련대|정치범\s?수용소|관리소|고문(?:을|당|했|받)|처벌(?:받|을 받|했|됐|된)|공개\s?재판|处决|枪决|死刑|劳改|劳教所|酷刑|开枪|射杀|枪杀/gi,
  },
  {
    type: 'aid_restriction',
    hint: /aid|humanitarian|relief|supplies|food|smuggling|지원|구호|원조|援助|救援|人道/i,
    re: /\b(?:criminali[sz]\w*|restrict\w*|block\w*|ban\w*|halt\w*|suspend\w*|sever\w*|cut\w*|hamper\w*|obstruct\w*)\b[^.]{0,60}\b(?:aid|humanitarian|relief|supplies|food|smuggling routes)\b|\b(?:aid|humanitarian (?:assistance|aid)|relief|supplies|smuggling of (?:supplies|food))\b[^.]{0,90}\b(?:restricted|blocked|banned|halted|suspended|severed|difficult|impossible|challenge|criminali[sz]\w*)|(?:대북\s?)?(?:지원|구호|원조)(?:이|가|을|를)?\s?(?:중단|차단|제한|금지|막혀|막힌)|(?:援助|救援|人道)\S{0,6}(?:限制|中断|禁止|受阻)/gi,
  },
  {
    type: 'surveillance_deployment',
    hint: /tighten|heighten|step|ramp|increas|intensif|reinforc|bolster|expand|fortif|upgrad|enhanc|expansion|build|install|deploy|erect|buil|set up|establish|put up|attach|camera|CCTV|fenc|watchtower|guard post|sensor|detector|infrastructure|강화|봉쇄|설치|배치|건설|구축|증설|신설|보강|세워|세웠|加强|安装|部署/i,
    re: /(?<!\b(?:these|the|such|those|its|their|ever)[\s-])\b(?:tighten(?:ed|ing|s)?|heighten(?:ed|ing)?|step(?:ped)? up|ramp(?:ed)? up|increas(?:ed|ing)|intensif(?:ied|ying|y)|reinforc(?:ed|ing)|bolster(?:ed|ing)?|expand(?:ed|ing)|fortif(?:y|ied|ying)|upgrad(?:ed|ing|es?))\s+(?:its\s+|the\s+|border\s+|security\s+)*(?:security|surveillance|border controls?|controls?|patrols?|crackdown|monitoring|fencing|defen[cs]es)\b|\b(?:upgrades?|enhancements?|expansion|build-?up|reinforcement|tightening|installation|deployment)\s+(?:to|of|in)\s+(?:\w+\s+){0,3}(?:security|surveillance|fenc\w*|facilities|defen[cs]es|cameras?|detectors?|sensors?|watchtowers?|guard posts|facial recognition|biometric\w*|surveillance technolog\w*)\b|\b(?:install(?:ed|ing)|deploy(?:ed|ing)|erect(?:ed|ing)|buil[td]|set up|establish(?:ed)?|put up|attach(?:ed|ing))\b[^.]{0,80}\b(?:cameras?|CCTV|fenc\w*|watchtowers?|guard posts|sensors?|detectors?|devices|GPS|tracking|surveillance|facial recognition|infrastructure|buildings)\b|\b(?:cameras?|CCTV|fenc\w*|watchtowers?|guard posts|sensors?|detectors?|infrastructure)\b[^.]{0,80}\b(?:(?:has|have|had|were|was|been|being)\s+)+(?:installed|deployed|erected|built|established|set up|put up)\b|(?:감시|경비|통제|단속|경계|순찰|검문|봉쇄)(?:를|을|가|이)?\s?(?:[가-힣]+\s){0,2}강화|국경(?:을|이)?\s?(?:완전히\s)?봉쇄|(?:설치|배치|건설|구축|증설|신설|보강)(?:했|됐|된|되|하고|해|돼|한|하며|중)|세워(?:졌|진|지고)|세웠|加强\S{0,4}(?:管控|监控|巡逻|边境)|安装|部署/gi,
  },
  {
    type: 'statement',
    hint: /urg|call|condemn|denounc|critici|express|wrote|letter|statement|appeal|protest|said at|told a|testif|resolution|report|demand|insist|요구|요청|보고서|촉구|규탄|비판|우려|성명|서한|호소|항의|결의안|권고|기자회견|청문회|토론회|세미나|呼吁|谴责|批评|声明|关切|敦促|抗议|报告/i,
    re: /\b(?:urged|urging|urges|called on|calls on|calling on|called for|calls for|condemn(?:ed|s|ing)|denounc(?:ed|es|ing)|criticiz(?:ed|es|ing)|criticis(?:ed|es|ing)|express(?:ed|ing|es)\s+(?:alarm|concern|regret|deep concern)|wrote to|letter to|issued a statement|in a statement|appealed to|protested|said at a (?:conference|hearing|briefing|press conference|forum|seminar|news conference|panel)|told a (?:conference|hearing|briefing|forum|panel)|testified|adopted a resolution|(?:released|published|issued|presented)\s+(?:its|a|the|their)\s+(?:\w+\s+){0,2}report|demanded|insisted)\b|보고서를\s?(?:발표|공개|제출)|요구했|요청했|촉구|규탄|비판(?:했|하|한)|우려했|성명|서한|호소|우려를\s?(?:표명|나타|표시)|항의|결의안|권고(?:했|하)|기자회견|청문회에서|토론회에서|세미나에서|呼吁|谴责|批评|声明|表示关切|敦促|抗议|发布\S{0,8}报告/gi,
  },
  {
    type: 'other',
    hint: /reopen|sent|dispatch|개방|파견|开放|派遣/i,
    re: /\breopen(?:ed|ing|s)?\s+(?:of\s+)?(?:its\s+|the\s+)?borders?\b|\bborder reopening|\bsent\s+(?:abroad|overseas|to\s+(?:\w+\s+){0,2}(?:China|Russia))(?:\s+in\s+\d{4})?\s+to\s+(?:earn|work)|\bdispatched\s+(?:\w+\s+)?workers|국경\s?(?:재개방|개방)|해외\s?파견|파견\s?노동자|重新开放边境|派遣劳工/gi,
  },
];

/** Hypothetical, habitual, generic or planned statements: not a report that the event happened. */
export const EN_IRREALIS =
  /\b(?:could|would|might|may|will|shall|should|if|unless|whether|risks?|fears?(?:ed)? of|threat of|plan(?:s|ned)?\s+to|planned|set to|about to|likely to|try(?:ing)? to|tried to|want(?:s|ed)? to|plans?|hoped?|hopes|dream\w*|often|usually|typically|generally|routinely|regularly|frequently|tend(?:s)? to|awaits?|can|cannot|you|your|those who|anyone who|in case|prevent|avoid|without|waiting to be|awaiting|to stop|to end|to halt|against|oppos\w*|condemn\w*|critici[sz]\w*|denounc\w*|protest\w*|halt|stop|end to|ban on|long)\b/i;
/** Korean modality comes after the verb: "보내질 가능성이 크다", "강제북송될 우려가 있다". */
export const KO_IRREALIS_TAIL = /가능성이|우려가|위험이|위험에|우려되|전망이|전망입|예상되|것으로 보이|것으로 보입|수 있|수도 있|것이라고|할 예정|될 예정|않도록/;
export const KO_IRREALIS = /(?:할|될|ㄹ|을)\s?수\s?있|우려|위험|가능성|위기|예정|계획|방침|(?:할|될|을|일)\s경우|려고|하려|처할|직면|앞두|대비|막기|않도록|중단|반대|금지|중지|철회|말라|말아야/;
export const ZH_IRREALIS = /可能|将会|担心|风险|面临|计划|打算|如果|停止|反对|禁止|防止/;

/** Markers of a statistic, not an individual event ("arrivals dropped to 67", "집계됐다"). */
/** Habitual statements ("has been frequently condemned") report no single event, statements included. */
export const EN_HABITUAL = /\b(?:often|usually|typically|generally|routinely|regularly|frequently|always|whenever)\b/i;

/** "China's forced repatriation policy": the practice named, not an occurrence. */
export const POLICY_AFTER = /^['’]?s?\s*(?:policy|policies|practice|practices|issue|problem|crisis|regime|system|law|laws)\b/i;

export const AGGREGATE = /\bnumber of\b|\btotal\b|\bfigures?\b|\bstatistics\b|\bdropped\b|\bfell\b|\brose\b|\bcompared\b|\bdecline\b|\bin all\b|집계|통계|감소|증가|누적|전체|지금까지|모두|넘어섰|넘었|넘긴|기록했|기록한|총\s?\d|统计|总数|总共|共有/i;
