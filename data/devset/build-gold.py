# Writes gold.json from the hand labels below and checks every quote is in its article.
# Kept in the repo so a reviewer can see (and rerun) how the gold was assembled; the labels are hand-made.
import json, os, sys
here = os.path.dirname(os.path.abspath(__file__))
def E(type, date, quote, approx=False, count=None, other=()):
    d = {"type": type, "date": date, "approx": approx, "place": None, "count": count, "quote": quote}
    if other: d["other_quotes"] = list(other)
    return d
def F(value, period, quote, metric=""):
    return {"metric": metric, "value": value, "period": period, "quote": quote}
def I(kind, quote, place=None, other=()):
    d = {"kind": kind, "place": place, "quote": quote}
    if other: d["other_quotes"] = list(other)
    return d
A = {}
def art(id, split, lang, published, published_source, outlet, url, licence, places=(), countries=(), orgs=(), aliases=None, events=(), figures=(), installations=()):
    A[id + ".txt"] = {"id": id + ".txt", "split": split, "language": lang, "published": published, "published_source": published_source,
        "outlet": outlet, "url": url, "licence": licence,
        "gold": {"events": list(events), "figures": list(figures), "places": list(places), "countries": list(countries),
                 "organizations": list(orgs), "organization_aliases": aliases or {}, "installations": list(installations)}}
VOA = "Public domain: work of the US Government (Voice of America), 17 U.S.C. 105; VOA's own text, not a wire copy"
CECC = "Public domain: work of the US Government (Congressional-Executive Commission on China), 17 U.S.C. 105"
CRS = "Public domain: work of the US Government (Congressional Research Service), 17 U.S.C. 105"
WIKI = "CC BY-SA 4.0 (Wikipedia contributors); attribution in data/devset/SOURCES.md"

art("en-01-voa-laos-deports", "dev", "en", None, "no date in the stored text (event of late May 2013)", "VOA News",
    "http://www.voanews.com/content/laos-deports-9-north-korean-defectors-to-china/1669651.html", VOA,
    places=["Seoul", "Vientiane", "Kunming", "southwest China"], countries=["Laos", "China", "North Korea", "South Korea"],
    orgs=["VOA", "Yonhap", "South Korean foreign ministry", "Chinese embassy"], aliases={"Yonhap news agency": "Yonhap", "Chinese embassy in Seoul": "Chinese embassy"},
    events=[E("forced_repatriation", None, "Laos has sent back to China nine North Koreans who fled their impoverished homeland.", count=9,
              other=["A South Korean source who works with defectors and who had been in contact with the nine North Koreans confirmed to VOA they were flown from the Laotian capital, Vientiane, to Kunming in southwest China on Monday."]),
            E("forced_repatriation", None, "Despite protests from rights groups, China routinely repatriates the refugees to North Korea.", approx=True)])

art("en-02-voa-activists-slam-china", "dev", "en", "2023-10-13", "VOA page of Friday 13 October 2023 (the Thursday briefing is 12 October 2023)", "VOA News",
    "https://www.voanews.com/a/activists-slam-china-after-alleged-forced-repatriation-of-north-koreans/7307935.html", VOA,
    places=["Hangzhou"], countries=["China", "North Korea", "South Korea", "Britain"],
    orgs=["Foreign Affairs Ministry", "Reuters", "VOA", "United Nations"], aliases={"China's Foreign Affairs Ministry": "Foreign Affairs Ministry"},
    events=[E("forced_repatriation", "2023-10", "Human rights activists are criticizing China after reports that Beijing forcibly returned more than 500 North Korean defectors.", approx=True, count=500,
              other=["According to several South Korean rights groups that work with North Korean refugees, the defectors were sent across the China-North Korea border earlier this week, shortly after the end of the 2022 Asian Games held in Hangzhou, China."]),
            E("forced_repatriation", None, "Before the pandemic, China regularly sent defectors back to North Korea, where they face punishment including forced labor, imprisonment, torture, or execution.", approx=True),
            E("statement", "2023-10-12", "At a Thursday briefing, spokesperson Wang Wenbin insisted there are no \"so-called defectors\" in China.",
              other=["China's Foreign Affairs Ministry has not confirmed the repatriation, but defended Beijing's approach toward such North Koreans, which it views as illegal economic migrants."]),
            E("statement", None, "\"The forced repatriation of North Korean defectors is not just a matter of North Korean citizens; it is an international human rights issue,\" Park told VOA.")])

art("en-03-voa-kunming-arrests", "test", "en", None, "no date in the stored text", "VOA News",
    "http://www.voanews.com/content/activists-china-arrests-north-korean-defectors-guides-in-kunming/1792758.html", VOA,
    places=["Kunming", "Seoul"], countries=["China", "South Korea", "North Korea", "Burma", "Laos", "Vietnam"],
    orgs=["VOA's Korean service", "Chinese Foreign Ministry"], aliases={"VOA": "VOA's Korean service"},
    events=[E("arrest_detention", None, "Speaking to VOA's Korean service Monday, the rights activists said Chinese police detained the 11 defectors and their two guides on Friday in the southwestern city of Kunming.", count=11,
              other=["South Korean human rights activists say Chinese authorities have arrested a group of North Korean defectors trying to reach a Southeast Asian nation on their way to South Korea."]),
            E("forced_repatriation", None, "China views the defectors as illegal economic migrants and usually repatriates those whom it catches.", approx=True),
            E("statement", None, "The rights activists urged the South Korean government to intervene by asking China not to repatriate the defectors detained in Kunming."),
            E("statement", None, "Chinese Foreign Ministry spokesman Qin Gang said Beijing deals with \"illegal border crossers\" according to \"domestic law, international law and humanitarian spirit.\"")])

COI = "United Nations Commission of Inquiry on Human Rights in the Democratic People's Republic of Korea"
art("en-04-cecc-un-report", "dev", "en", "2014-03-19", "text: 'March 19, 2014'", "Congressional-Executive Commission on China (CECC)",
    "https://www.cecc.gov/publications/commission-analysis/un-report-criticizes-china-for-treatment-of-north-korean-refugees", CECC,
    places=[], countries=["China", "Democratic People's Republic of Korea"],
    orgs=[COI], aliases={"UN Commission": COI, "United Nations Commission of Inquiry": COI, "Commission of Inquiry": COI},
    events=[E("statement", "2014-02-17", "On February 17, 2014, the United Nations Commission of Inquiry on Human Rights in the Democratic People's Republic of Korea (\"the UN Commission\") released its report on the state of human rights in the DPRK.",
              other=["A United Nations Commission of Inquiry report on human rights in the Democratic People's Republic of Korea (DPRK) released in February 2014 found China in violation of its obligations under international human rights and refugee law over its treatment of North Korean refugees."]),
            E("statement", None, "China has criticized the UN Commission, refuting allegations brought against it in the report."),
            E("surveillance_deployment", "2013", "Conditions for North Korean refugees reportedly worsened toward the end of 2013, prior to the release of the UN Commission's report, due to heightened border security and renewed crackdowns by Chinese authorities.", approx=True)])

art("en-05-cecc-2017-annual-report", "dev", "en", "2017-10", "CECC 2017 Annual Report (October 2017); text read through a docslib copy, two words lost in that copy restored", "Congressional-Executive Commission on China (CECC)",
    "https://docslib.org/doc/5779454/north-korean-refugees-in-china", CECC,
    places=["Shenyang", "Liaoning", "Dandong", "Southeast Asia"], countries=["China", "Democratic People's Republic of Korea", "South Korea", "North Korea"],
    orgs=["Ministry of Unification"], aliases={"South Korean Ministry of Unification": "Ministry of Unification"},
    events=[E("forced_repatriation", None, "During the Commission's 2017 reporting year, the Chinese government's policy of detaining North Korean refugees and repatriating them to the Democratic People's Republic of Korea (DPRK) remained in place, despite substantial evidence that repatriated persons face torture, imprisonment, execution, and other inhuman treatment.", approx=True),
            E("surveillance_deployment", None, "This past year, heightened security measures along the China-North Korea and China-Southeast Asia borders increased the risks North Korean refugees face, and may be limiting the outflow of refugees from the DPRK.", approx=True),
            E("arrest_detention", "2016-11", "November 2016. Chinese authorities reportedly detained over 30 North Korean refugees in Shenyang municipality, Liaoning province, while they were in transit to Southeast Asia.", count=30),
            E("other", None, "South Korean media reported that authorities later transferred the refugees to Dandong municipality, Liaoning, near the border with North Korea.")],
    figures=[F(1414, "2016", "South Korean Ministry of Unification data reportedly showed that 1,414 refugees reached South Korea in 2016, continuing the trend of a significant decline in the number of refugees entering South Korea since 2009.", "North Korean refugees reaching South Korea")])

art("en-06-cecc-2020-annual-report", "test", "en", "2020-12", "CECC 2020 Annual Report (December 2020); text read through a docslib copy, two words lost in that copy restored", "Congressional-Executive Commission on China (CECC)",
    "https://docslib.org/doc/113007/north-korean-refugees-in-china", CECC,
    places=[], countries=["China", "Democratic People's Republic of Korea", "South Korea"],
    orgs=["UN Commission of Inquiry on Human Rights in the Democratic People's Republic of Korea"], aliases={},
    events=[E("forced_repatriation", None, "The Chinese government continued to detain North Korean refugees in China and repatriate them to the Democratic People's Republic of Korea (DPRK).", approx=True),
            E("statement", None, "The UN Commission of Inquiry on Human Rights in the Democratic People's Republic of Korea has stated that such repatriation may amount to \"aiding and abetting crimes against humanity.\""),
            E("surveillance_deployment", None, "Chinese and North Korean authorities continue to impose strict border controls.", approx=True),
            E("aid_restriction", None, "Chinese authorities' crackdown on and expulsions of South Korean missionaries have undermined refugee rescue work carried out by the missionaries.", approx=True)],
    figures=[F(1047, "2019", "These controls are meant to deter North Korean refugees from escaping the DPRK, and the South Korean government reported that about 1,047 North Korean refugees escaped to South Korea in 2019, compared to the 2009 peak of 2,914 refugees.", "North Korean refugees reaching South Korea"),
             F(2914, "2009", "These controls are meant to deter North Korean refugees from escaping the DPRK, and the South Korean government reported that about 1,047 North Korean refugees escaped to South Korea in 2019, compared to the 2009 peak of 2,914 refugees.", "North Korean refugees reaching South Korea (peak)")])

art("en-07-crs-rl34189", "dev", "en", None, "CRS report RL34189 (several versions; no date in the stored text)", "Congressional Research Service",
    "https://www.everycrsreport.com/reports/RL34189.html", CRS,
    places=[], countries=["China", "North Korea"], orgs=["State Department"], aliases={},
    events=[E("border_crossing", None, "North Koreans have been crossing the border into China, many in search of refuge, since the height of North Korea's famine in the 1990s.", approx=True),
            E("other", "2004", "Congressional concern about human rights in North Korea and conditions faced by North Korean refugees led to the passage of the North Korean Human Rights Act (NKHRA) in 2004.")],
    figures=[F(30000, None, "The State Department estimates that 30,000-50,000 North Korean refugees currently live in China (some non-governmental organizations estimate the number is closer to 300,000) and believes those who are repatriated may face punishment ranging from a few months of \"labor correction\" to execution.", "North Korean refugees living in China (State Department estimate)"),
             F(300000, None, "The State Department estimates that 30,000-50,000 North Korean refugees currently live in China (some non-governmental organizations estimate the number is closer to 300,000) and believes those who are repatriated may face punishment ranging from a few months of \"labor correction\" to execution.", "North Korean refugees living in China (NGO estimate)")])

art("ko-01-voa-two-koreans-arrested-yanji", "dev", "ko", None, "no date in the stored text", "VOA Korean",
    "https://www.voakorea.com/a/1619864.html", VOA,
    places=["베이징", "서울", "지린성", "옌지", "투먼"], countries=["중국", "북한", "한국"],
    orgs=["북한 대사관", "갈렙선교회"], aliases={"베이징 주재 북한 대사관": "북한 대사관"},
    events=[E("arrest_detention", None, "북한 주민들의 탈북을 돕던 한국인 2 명이 중국 공안에 체포된 것은 지난 9일.", count=2,
              other=["중국에서 북한 주민들의 탈북을 돕던 탈북자 출신 한국인 2 명이 중국 공안에 체포된 것으로 알려졌습니다.", "탈북자 지원 활동을 해온 갈렙선교회 김성은 목사는 이들이 중국 지린성 옌지에서 체포돼 조사를 받고 있다고 말했습니다."]),
            E("arrest_detention", None, "김 목사는 또 이들과 함께 있던 탈북자 8 명도 체포된 뒤 투먼의 감옥으로 옮겨져 북한으로 송환될 위기에 놓였다고 주장했습니다.", count=8,
              other=["이들과 함께 있던 탈북자들도 체포돼 현재 강제북송 위기에 놓인 것으로 전해졌습니다."]),
            E("statement", None, "이에 대해 한국 정부 당국자는 한국 국민 2 명이 중국 옌지에서 당국에 체포됐다며, 이 문제가 바람직하지 않은 방향으로 처리되지 않도록 노력하고 있다고 말했습니다.")],
    installations=[I("facility", "김 목사는 또 이들과 함께 있던 탈북자 8 명도 체포된 뒤 투먼의 감옥으로 옮겨져 북한으로 송환될 위기에 놓였다고 주장했습니다.", "투먼")])

art("ko-02-voa-arrivals-2021", "dev", "ko", "2022-01", "same release reported by YTN on 2022-01-20", "VOA Korean",
    "https://www.voakorea.com/a/6404705.html", VOA,
    places=["서울", "동남아시아"], countries=["한국", "중국", "북한"],
    orgs=["통일부", "주한 미국 대사관", "VOA"], aliases={"한국 통일부": "통일부", "VOA 뉴스": "VOA"},
    events=[E("statement", None, "지난해 한국에 입국한 탈북민은 남성 40명, 여성 23명 등 총 63명이라고 한국 통일부가 밝혔습니다.")],
    figures=[F(63, "2021", "지난해 한국에 입국한 탈북민은 남성 40명, 여성 23명 등 총 63명이라고 한국 통일부가 밝혔습니다."),
             F(40, "2021", "지난해 한국에 입국한 탈북민은 남성 40명, 여성 23명 등 총 63명이라고 한국 통일부가 밝혔습니다."),
             F(23, "2021", "지난해 한국에 입국한 탈북민은 남성 40명, 여성 23명 등 총 63명이라고 한국 통일부가 밝혔습니다."),
             F(229, "2020", "이는 2020년 229명 보다 72.4% 줄어들고, 1천 47명을 기록한 2019년보다는 94% 감소한 수준입니다."),
             F(72.4, "2021", "이는 2020년 229명 보다 72.4% 줄어들고, 1천 47명을 기록한 2019년보다는 94% 감소한 수준입니다."),
             F(1047, "2019", "이는 2020년 229명 보다 72.4% 줄어들고, 1천 47명을 기록한 2019년보다는 94% 감소한 수준입니다."),
             F(94, "2021", "이는 2020년 229명 보다 72.4% 줄어들고, 1천 47명을 기록한 2019년보다는 94% 감소한 수준입니다.")])

art("ko-03-voa-arrivals-forecast", "test", "ko", "2013", "no day in the stored text; 'last year' is 2012 (about 1,500 arrivals)", "VOA Korean",
    "https://www.voakorea.com/amp/1659869.html", VOA,
    places=[], countries=["한국", "일본"], orgs=["통일부", "VOA"], aliases={"한국 통일부": "통일부", "VOA 뉴스": "VOA"},
    events=[E("defection_arrival", "2011-10", "지난 2011년 10월 목선을 타고 표류하다 일본에 도착한 탈북자들이 인천공항을 통해 한국으로 입국하고 있다.", approx=True),
            E("statement", None, "한국 통일부는 올해 초부터 지금까지 한국에 들어온 탈북자는 모두 550여 명으로, 올해 전체로는 1천2백 명 정도 될 것으로 예상했습니다.")],
    figures=[F(20, "2013", "올해 한국에 입국하는 탈북자 수가 지난 해보다 20% 정도 줄어들 것으로 전망됩니다."),
             F(550, "2013", "한국 통일부는 올해 초부터 지금까지 한국에 들어온 탈북자는 모두 550여 명으로, 올해 전체로는 1천2백 명 정도 될 것으로 예상했습니다."),
             F(1200, "2013", "한국 통일부는 올해 초부터 지금까지 한국에 들어온 탈북자는 모두 550여 명으로, 올해 전체로는 1천2백 명 정도 될 것으로 예상했습니다."),
             F(1500, "2012", "이는 지난 해 1천5백여 명보다 20%정도 줄어든 겁니다."),
             F(1000, "2001", "한국에 입국한 탈북자 수는 지난 2001년 1천 명을 넘어선 뒤 해마다 늘어나 2009년에는 2천9백 명을 넘었지만, 이후 감소 추세로 돌아서 지난 해에는 1천5백여 명 수준으로 줄었습니다."),
             F(2900, "2009", "한국에 입국한 탈북자 수는 지난 2001년 1천 명을 넘어선 뒤 해마다 늘어나 2009년에는 2천9백 명을 넘었지만, 이후 감소 추세로 돌아서 지난 해에는 1천5백여 명 수준으로 줄었습니다.")])

art("ko-04-voa-23100-arrivals", "dev", "ko", "2012-01-11", "'오늘(11일)' with the end-2011 total; month and year from the figures (2,737 arrivals in 2011)", "VOA Korean",
    "https://www.voakorea.com/a/article----2300--137088428/1345831.html", VOA,
    places=[], countries=["한국"], orgs=["통일부"], aliases={"한국 통일부": "통일부"},
    events=[E("statement", "2012-01-11", "한국 통일부는 지난해 말 기준으로 한국에 입국한 탈북자가 총 2만3천100 명으로 집계됐다고 오늘(11일) 밝혔습니다.")],
    figures=[F(23000, None, "한국에 입국한 탈북자가 2만3천 명을 넘어섰습니다."),
             F(23100, "2011", "한국 통일부는 지난해 말 기준으로 한국에 입국한 탈북자가 총 2만3천100 명으로 집계됐다고 오늘(11일) 밝혔습니다."),
             F(2737, "2011", "지난 한 해 한국에 정착한 탈북자는 2천737 명으로 전년 대비 15% 증가했으며, 이 중 여성이 70%를 차지했습니다."),
             F(15, "2011", "지난 한 해 한국에 정착한 탈북자는 2천737 명으로 전년 대비 15% 증가했으며, 이 중 여성이 70%를 차지했습니다."),
             F(70, "2011", "지난 한 해 한국에 정착한 탈북자는 2천737 명으로 전년 대비 15% 증가했으며, 이 중 여성이 70%를 차지했습니다."),
             F(947, "1998", "해마다 한국에 입국한 탈북자 수는 1998년 947 명에서 꾸준히 증가해 2006년 2천 명을 넘었으며 2009년엔 가장 많은 2천927 명을 기록했습니다."),
             F(2000, "2006", "해마다 한국에 입국한 탈북자 수는 1998년 947 명에서 꾸준히 증가해 2006년 2천 명을 넘었으며 2009년엔 가장 많은 2천927 명을 기록했습니다."),
             F(2927, "2009", "해마다 한국에 입국한 탈북자 수는 1998년 947 명에서 꾸준히 증가해 2006년 2천 명을 넘었으며 2009년엔 가장 많은 2천927 명을 기록했습니다.")])

art("ko-05-voa-arrivals-2013", "dev", "ko", "2014-01-13", "'오늘 (13일)' with the 2013 total", "VOA Korean",
    "https://voa.pangea-cms.com/preview/ko-KR/a/1828745.html", VOA,
    places=[], countries=["한국", "북한"], orgs=["통일부", "하나원", "VOA"], aliases={"한국 통일부": "통일부", "VOA 뉴스": "VOA"},
    events=[E("statement", "2014-01-13", "지난 해 한국에 입국한 탈북자는 모두 1천516 명으로 집계됐다고 한국 통일부가 오늘 (13일) 밝혔습니다.")],
    figures=[F(1516, "2013", "지난 해 한국에 입국한 탈북자는 모두 1천516 명으로 집계됐다고 한국 통일부가 오늘 (13일) 밝혔습니다."),
             F(26124, None, "이는 한 해 전인 지난 2012년과 비슷한 수준으로 지금까지 한국에 입국한 전체 탈북자는 2만 6천124 명으로 나타났습니다."),
             F(2000, "2006", "연간 탈북자 입국 규모는 지난 2006년 처음 2천 명을 넘긴 뒤 2~3천 명 대를 유지하다 북한에서 김정은 체제가 공식 등장한 2012년, 1천5백여 명으로 크게 줄었습니다."),
             F(1500, "2012", "연간 탈북자 입국 규모는 지난 2006년 처음 2천 명을 넘긴 뒤 2~3천 명 대를 유지하다 북한에서 김정은 체제가 공식 등장한 2012년, 1천5백여 명으로 크게 줄었습니다.")])

art("ko-06-voa-repatriation-anniversary", "dev", "ko", "2024-10", "one year after 9 October 2023 (text)", "VOA Korean",
    "https://voakorea.com/a/7817993.html", VOA,
    places=[], countries=["중국", "북한"], orgs=["국무부"], aliases={"미 국무부": "국무부"},
    events=[E("forced_repatriation", "2023-10-09", "지난해 10월 9일 북중 접경지역에서 탈북민 수백 명이 강제 북송된 지 1년이 지났습니다."),
            E("statement", None, "미 국무부는 중국이 강제 송환 금지 의무를 준수할 것을 거듭 촉구했습니다.")])

art("ko-07-voa-salmon-steel", "dev", "ko", "2024-10", "one year after the October 2023 repatriation (text)", "VOA Korean",
    "https://voakorea.com/a/7819107.html", VOA,
    places=[], countries=["북한", "중국", "미국"], orgs=[], aliases={},
    events=[E("forced_repatriation", "2023", "중국 정부가 탈북민 수백 명을 강제 북송한 지 1년을 맞아 미국 등 국제사회에서 중국에 강제북송 중단을 촉구하는 목소리가 이어지고 있습니다.", approx=True),
            E("statement", None, "북한에는 북송된 탈북민들에 대한 인권 유린을 중단할 것을 요구했습니다.",
              other=["살몬 보고관 “북한, 북송 탈북민 행방 밝혀야”…스틸 의원 “중국, 강제북송 중단하라”"])])

art("ko-08-voa-state-dept-refugee-convention", "test", "ko", "2021-07", "'28일' on the 70th anniversary of the 1951 Refugee Convention (28 July 2021)", "VOA Korean (text read through a comparemela.com copy)",
    "https://comparemela.com/news/south-korea-kim-sung-eun", VOA,
    places=[], countries=["중국", "북한"], orgs=["국무부", "유엔 북한인권특별보고관", "VOA"], aliases={"미국 국무부": "국무부", "국무부 대변인실": "국무부"},
    events=[E("statement", "2021-07-28", "국무부 대변인실 관계자는 28일 유엔난민협약 채택 70주년을 맞아 중국 내 탈북 난민 상황에 관한 VOA의 논평 요청에 “북한의 망명 희망자들이 겪는 곤경에 대해 깊이 우려한다”고 밝혔습니다.",
              other=["미국 국무부가 유엔난민협약 채택 70주년을 맞아 곤경에 처한 탈북 난민들의 상황에 우려를 나타내고 중국 정부에 난민 보호 의무를 이행할 것을 촉구했습니다."]),
            E("statement", None, "유엔 북한인권특별보고관도 탈북 난민에 대한 강제송환금지 국제원칙이 북-중 합의에 우선한다며 탈북민 보호를 촉구했습니다."),
            E("other", None, "중국 주재 북한 대사와 중국 공안부장의 최근 회동은 중국 내에서 일탈 행위가 증가한 북한 파견 인력을 관리하고 향후 탈북 증가를 막으려는 복합적 목적이 있는 것으로 알려졌습니다.", approx=True),
            E("statement", None, "탈북 지원단체들은 북한과 중국이 협력해 북한 주민들의 탈출을 원천봉쇄하려는 움직임을 보이고 있다고 지적했습니다.")])

art("ko-09-wikipedia-escape-routes", "dev", "ko", None, "Wikipedia article section (undated revision)", "Korean Wikipedia, article 북한이탈주민",
    "https://ko.wikipedia.org/wiki/%EB%B6%81%ED%95%9C%EC%9D%B4%ED%83%88%EC%A3%BC%EB%AF%BC", WIKI,
    places=["휴전선", "옌볜 조선족 자치주", "두만강", "투먼", "훈춘"], countries=["중화인민공화국", "북조선", "남한"],
    orgs=["국경 경비대"], aliases={},
    events=[E("forced_repatriation", None, "그러나 중국은 북조선 정부와의 관계를 중시하여 탈북자를 난민으로 인정하지 않고 발견하는 대로 불법 입국자로서 투먼과 훈춘에서 북조선으로 돌려보내는 협정을 실시하고 있어 탈북자는 중국 내에서는 숨어서 지낸다.", approx=True),
            E("execution_punishment", None, "적발시에는 북조선으로 돌려보내지며, 초범은 노동이나 사상 개조, 재범은 사형되는 경우도 있다.", approx=True)],
    installations=[I("fence", "병사 중 일부는 휴전선을 직접 통해 탈북하는 경우도 있지만 위병이나 엄중한 경계 태세, 고압 전선, 지뢰 등으로 도중에 목숨을 잃는 경우가 많아서 주요 경로는 아니다.", "휴전선"),
                   I("other", "병사 중 일부는 휴전선을 직접 통해 탈북하는 경우도 있지만 위병이나 엄중한 경계 태세, 고압 전선, 지뢰 등으로 도중에 목숨을 잃는 경우가 많아서 주요 경로는 아니다.", "휴전선")])

art("zh-01-voa-20-defectors-arrested", "dev", "zh", "2014-07-23", "URL date 20140723", "VOA Chinese",
    "https://www.voachinese.com/a/china-korea-defectors-20140723/1963848.html", VOA,
    places=["鸭绿江", "山东省", "云南省", "首尔", "图们市", "沈阳"], countries=["中国", "朝鲜", "韩国", "美国"],
    orgs=["美国之音", "美国之音韩国语组"], aliases={},
    events=[E("arrest_detention", "2014-07", "据韩国消息,20名朝鲜叛逃者和六名帮助他们的人上个星期在中国被捕。", approx=True, count=20,
              other=["这些朝鲜人在中国山东省和云南省被捕。"]),
            E("arrest_detention", "2014", "今年年初,三名朝鲜叛逃者在云南被捕。", approx=True, count=3),
            E("arrest_detention", "2014-06", "上个月,共有11名朝鲜人被中国警方抓获。", count=11),
            E("statement", None, "一名韩国首尔官员告诉美国之音韩国语组说,中国政府非常不愿意释放这些朝鲜人。"),
            E("statement", None, "韩国、美国和其它西方国家政府呼吁中国政府不要将脱北者遣返回朝鲜,因为他们回到朝鲜后可能会遭受迫害、折磨,并且可能会被处死。")],
    installations=[I("facility", "消息称,这些脱北者很可能会被移送至中朝边境图们市的一个拘留所,并面临遣返。", "图们市")])

art("zh-02-voa-escaping-north-korea", "dev", "zh", None, "no date in the stored text", "VOA Chinese",
    "http://www.voachinese.com/a/escaping-north-koreans-risk-lives-in-china/1519111.html", VOA,
    places=["东北地区", "咸镜北道", "图们江"], countries=["中国", "朝鲜", "美国", "苏联"],
    orgs=["美国国会众议院国际关系委员会"], aliases={},
    events=[E("border_crossing", None, "她和家人在十年中几度逃到中国,又几度被遣返回朝鲜,最终抵达美国。", approx=True),
            E("forced_repatriation", None, "她和家人在十年中几度逃到中国,又几度被遣返回朝鲜,最终抵达美国。", approx=True),
            E("execution_punishment", None, "朝鲜政府将脱北视作叛国罪,朝鲜边防军常常对试图过河逃往对岸的人开枪射击。", approx=True)],
    figures=[F(900000, "1995", "美国国会众议院国际关系委员会1998年的一份实地考察报告说,从1995年到1998年期间,朝鲜有大约90万到240万人死于食物短缺,可能高达人口总数的十分之一。", "deaths from food shortage"),
             F(0.1, None, "美国国会众议院国际关系委员会1998年的一份实地考察报告说,从1995年到1998年期间,朝鲜有大约90万到240万人死于食物短缺,可能高达人口总数的十分之一。", "share of population")])

art("zh-03-voa-border-wall", "test", "zh", "2023-05-27", "text: '星期六(5月27日)'; VOA Cantonese URL date 20230527", "VOA Cantonese",
    "https://voacantonese.com/amp/north-korea-spent-the-pandemic-building-a-huge-border-wall-20230527/7111907.html", VOA + " (summary written by VOA of Reuters reporting)",
    places=[], countries=["中國", "北韓", "俄羅斯", "南韓"],
    orgs=["路透社", "美國明德大學蒙特雷國際研究學院"], aliases={},
    events=[E("surveillance_deployment", "2020", "北韓可能是世界上最為封閉、與世界上聯絡與交流最少的一個國家,但是該國最高領導人金正恩顯然對此還不夠滿意,因此在新冠疫情肆虐期間,下令沿著北韓北方與中國和俄羅斯的邊界新建、更新或擴建了長達幾百公里的高牆、圍欄或哨所,以便進一步切斷北韓人與外界的聯絡與交流。", approx=True),
            E("statement", "2023-05-27", "路透社聯合美國明德大學蒙特雷國際研究學院,根據對商業衛星影像的分析和研究以及七位脫北者或活動人士的親身經歷,於星期六(5月27日)報導說,北韓聲勢浩大的造牆運動始於新冠疫情肆虐全球的2020年,這些高牆建成以後,外國影響和物資更難進入北韓,而北韓人偷越國境更是難上加難。")],
    figures=[F(18, None, "其中俄羅斯(黃色部分)與北韓(灰白色部分)約有18公裡邊界。", "km of DPRK-Russia border"),
             F(1400, None, "中國(紫色部分)與北韓之間的邊界約1400公里長。", "km of DPRK-China border"),
             F(67, "2022", "路透社引述官方數據報導說,去年一共只有67名脫北者輾轉抵達南韓,而在2019年抵達南韓的脫北者人數卻高達1047名。"),
             F(1047, "2019", "路透社引述官方數據報導說,去年一共只有67名脫北者輾轉抵達南韓,而在2019年抵達南韓的脫北者人數卻高達1047名。")],
    installations=[I("fence", "北韓可能是世界上最為封閉、與世界上聯絡與交流最少的一個國家,但是該國最高領導人金正恩顯然對此還不夠滿意,因此在新冠疫情肆虐期間,下令沿著北韓北方與中國和俄羅斯的邊界新建、更新或擴建了長達幾百公里的高牆、圍欄或哨所,以便進一步切斷北韓人與外界的聯絡與交流。"),
                   I("watchtower", "北韓可能是世界上最為封閉、與世界上聯絡與交流最少的一個國家,但是該國最高領導人金正恩顯然對此還不夠滿意,因此在新冠疫情肆虐期間,下令沿著北韓北方與中國和俄羅斯的邊界新建、更新或擴建了長達幾百公里的高牆、圍欄或哨所,以便進一步切斷北韓人與外界的聯絡與交流。")])

art("zh-04-wikipedia-defectors", "dev", "zh", None, "Wikipedia article (undated revision)", "Chinese Wikipedia, article 脫北者",
    "https://zh.wikipedia.org/zh-tw/%E8%84%AB%E5%8C%97%E8%80%85", WIKI,
    places=["中國東北地區"], countries=["朝鮮民主主義人民共和國", "韓國", "英國", "德國", "加拿大", "荷蘭", "比利時", "澳洲", "美國", "中國"],
    orgs=["聯合國難民事務高級專員辦事處"], aliases={},
    events=[E("border_crossing", "1953", "從1953年韓戰結束後,開始有脫北者陸續從朝鮮進入中國境內,但真正引起關注是從九十年代之後才開始。", approx=True)],
    figures=[F(1052, "2011", q := "根據聯合國難民事務高級專員辦事處統計,截至2011年底,以難民身份在世界各國生活的脫北者人數為1052人,其中英國603人、德國193人、加拿大64人、荷蘭36人、比利時31人、澳洲29人、美國25人;另外還有正在申請難民地位的脫北者為490人。")]
            + [F(v, "2011", q) for v in (603, 193, 64, 36, 31, 29, 25, 490)]
            + [F(200000, "2012", "截至2012年,在中國大約有200,000名脫北者。")])

bad = 0
for name, a in A.items():
    text = open(os.path.join(here, "articles", name), encoding="utf-8").read()
    g = a["gold"]
    for item in g["events"] + g["figures"] + g["installations"]:
        for q in [item["quote"], *item.get("other_quotes", [])]:
            if q not in text:
                bad += 1; print("quote not in", name, ":", q[:60], file=sys.stderr)
    for n in g["places"] + g["organizations"]:
        if n not in text:
            bad += 1; print("name not in", name, ":", n, file=sys.stderr)
if bad: sys.exit(1)
about = ("Hand-made gold labels for the development set in articles/, in the seeds-gold format (../../../shared/dev-gold/seeds-gold.json) "
         "plus split (dev | test), outlet, url and licence per article. Same conventions as the seeds: countries are listed apart and are "
         "not places; a single event's head count is the event's count, not a figure; a state's habitual practice stated as fact "
         "(repatriation, arrest, punishment, border control, aid restriction) is an event with a null date, while a general description "
         "of the routes people take is not; an act reported by someone is the act's event, and the reporting is a 'statement' only "
         "when an institution, official or interviewee takes a position that is not itself an act.")
json.dump({"about": about, "articles": A}, open(os.path.join(here, "gold.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
print(len(A), "articles;", sum(a["split"] == "test" for a in A.values()), "test")
