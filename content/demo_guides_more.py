"""Arabic and Somali translations of the guides a newcomer needs first.

Written for those readers from the English guides (not word for word). Not yet reviewed by a fluent
reader: the pages say so (``translation_reviewed`` is False). Swedish terms are kept once beside the
translation (personnummer, samordningsnummer, folkbokföring, UT-kort, sfi, vårdcentral, förskola,
BankID), so a search for them finds the guide in every language.
"""

TRANSLATIONS = {
    "apply-permit": {
        "ar": {
            "title": "قدّم طلب تصريح الإقامة قبل الانتقال",
            "summary": "إذا لم تكن مواطنًا في دولة من الاتحاد الأوروبي أو المنطقة الاقتصادية الأوروبية أو سويسرا أو بلدان الشمال، فعليك تقديم طلب التصريح عبر الإنترنت، ويجب كقاعدة عامة أن تحصل عليه قبل السفر إلى السويد.",
            "who": "مواطنو الدول من خارج الاتحاد الأوروبي والمنطقة الاقتصادية الأوروبية الذين ينتقلون إلى السويد للعمل أو البحث العلمي أو الدراسة أو البحث عن عمل أو الالتحاق بالعائلة.",
            "time": "58 يومًا لأول تصريح عمل في وظيفة عالية التأهيل (2024). تعد مصلحة الهجرة بقرار خلال 30 يومًا إذا كان الطلب كاملًا والوظيفة عالية التأهيل، ومع ذلك قد تستغرق القضية حتى أربعة أشهر.",
            "steps": [
                ("اختر التصريح المناسب", "هناك تصاريح للعمل، والبطاقة الزرقاء الأوروبية، والنقل داخل الشركة (ICT)، والبحث العلمي، والعمل الحر، والدراسة، والبحث عن عمل لذوي المؤهلات العالية، والروابط العائلية. غالبًا ما يبدأ صاحب العمل بتقديم عرض عمل."),
                ("تحقّق من إعلان الوظيفة", "للحصول على تصريح عمل يجب أن تكون الوظيفة قد أُعلن عنها في Platsbanken، موقع الوظائف التابع لمكتب العمل."),
                ("قدّم الطلب عبر الإنترنت وأرسل كل شيء مرة واحدة", "الطلبات الكاملة تُعالج أسرع. الوثائق الناقصة هي السبب الأكثر شيوعًا للانتظار."),
                ("قدّم الطلب مع عائلتك", "يقدّم شريكك وأطفالك طلباتهم في الوقت نفسه، ولكل واحد طلبه الخاص. بذلك يستفيدون من المعالجة السريعة نفسها. من يقدّم لاحقًا لا يحصل على أولوية."),
            ],
            "need": ["جواز سفر ساري المفعول", "عرض العمل أو أساس آخر للتصريح", "وثائق الشريك والأطفال إذا كانوا سيرافقونك"],
            "warning": "لا تسافر قبل أن تحصل على التصريح. القاعدة الأساسية هي أن يُمنح التصريح قبل دخولك السويد.",
            "eservice_label": "قدّم الطلب على موقع مصلحة الهجرة",
        },
        "so": {
            "title": "Codso ruqsadda degenaanshaha ka hor intaadan guurin",
            "summary": "Haddii aadan muwaadin ka ahayn waddan ka tirsan EU/EEA, Swiiserland ama waddamada Waqooyiga Yurub, ruqsadda waxaad ku codsanaysaa internetka, sida caadiga ahna waa in lagu siiyaa ka hor intaadan u safrin Iswiidhan.",
            "who": "Muwaadiniinta waddamada ka baxsan EU/EEA ee u guura Iswiidhan si ay u shaqeeyaan, cilmi-baaris u sameeyaan, wax u bartaan, shaqo u raadiyaan ama qoyskooda ugu biiraan.",
            "time": "58 maalmood ayay qaadatay ruqsadda shaqada ee ugu horreysa ee shaqo xirfad sare leh (2024). Migrationsverket waxay ballan qaadaysaa go'aan 30 maalmood gudahood haddii codsigu dhammaystiran yahay, laakiin kiisku wuxuu qaadan karaa ilaa afar bilood.",
            "steps": [
                ("Dooro ruqsadda ku habboon", "Waxaa jira ruqsado loogu talagalay shaqo, kaarka buluugga ah ee EU, u wareejinta shirkadda dhexdeeda (ICT), cilmi-baaris, shaqo gaar ah, waxbarasho, shaqo raadin dadka xirfadda sare leh, iyo xiriir qoys. Loo-shaqeeyaha ayaa inta badan ku bilaaba dalab shaqo."),
                ("Hubi xayeysiiska shaqada", "Ruqsadda shaqada, shaqada waa in lagu xayeysiiyay Platsbanken, goobta shaqooyinka ee Arbetsförmedlingen."),
                ("Ku codso internetka oo wax walba hal mar dir", "Codsiyada dhammaystiran ayaa si dhakhso ah loo go'aamiyaa. Dukumentiyada maqan ayaa ah sababta ugu badan ee sugitaanka."),
                ("La codso qoyskaaga", "Lammaanahaaga iyo carruurtaadu waxay codsadaan isla waqtigaaga, qof walbana codsi u gaar ah. Markaas waxay helaan isla habka degdegga ah. Qofka hadhow codsada ma helo mudnaan."),
            ],
            "need": ["Baasaboor ansax ah", "Dalabka shaqada ama sabab kale oo ruqsadda ah", "Dukumentiyada lammaanaha iyo carruurta haddii ay kula socdaan"],
            "warning": "Ha safrin ka hor inta aan ruqsadda lagu siin. Xeerka guud waa in ruqsadda lagu siiyo ka hor intaadan soo gelin Iswiidhan.",
            "eservice_label": "Ka codso bogga Migrationsverket",
        },
    },
    "apply-family-permits": {
        "ar": {
            "title": "قدّم طلبات التصاريح لشريكك وأطفالك",
            "summary": "يقدّم شريكك وأطفالك الطلب بصفتهم أفراد أسرة، ولكل واحد طلبه الخاص، والأفضل في الوقت نفسه مع طلبك.",
            "who": "عائلات الأشخاص القادمين من خارج الاتحاد الأوروبي والمنطقة الاقتصادية الأوروبية. الشريك الذي يحمل جنسية دولة أوروبية أو من بلدان الشمال لا يحتاج إلى تصريح، لكن الأطفال يقدّمون الطلب.",
            "time": "أفراد الأسرة الذين يقدّمون مع عامل عالي التأهيل يستفيدون من الوعد بقرار خلال 30 يومًا للطلبات الكاملة، ومن يقدّم لاحقًا لا يحصل على أولوية. ومع ذلك قد تستغرق القضية حتى أربعة أشهر.",
            "steps": [
                ("قدّموا الطلب في الوقت نفسه مع العامل", "لكل فرد من الأسرة طلبه الخاص. اربطوا الطلبات بطلب العامل حتى تُعالج معًا."),
                ("يحق لشريكك العمل", "الشريك الحاصل على تصريح إقامة كفرد من الأسرة يحق له العمل في السويد، ولا يوجد شرط راتب للشريك."),
                ("التصاريح مرتبطة ببعضها", "تصاريح الأسرة تعتمد على تصريح العامل. إذا فقد العامل وظيفته أو انفصلتما، فإن تغيير مقدّم الطلب الرئيسي يعني غالبًا التقديم من جديد من خارج السويد."),
            ],
            "need": ["جوازات سفر للجميع", "عقد الزواج أو شهادة الشراكة", "شهادات ميلاد الأطفال", "إذا بقي أحد الوالدين في البلد: موافقته"],
            "warning": "قدّموا الطلبات معًا. من يقدّم بعد العامل لا يحصل على أولوية وقد ينتظر مدة أطول بكثير.",
            "eservice_label": "قدّم الطلب على موقع مصلحة الهجرة",
        },
        "so": {
            "title": "Codso ruqsadaha lammaanahaaga iyo carruurtaada",
            "summary": "Lammaanahaaga iyo carruurtaadu waxay codsadaan sidii xubno qoys, qof walba codsi u gaar ah, sida ugu fiicanna isla waqtiga codsigaaga.",
            "who": "Qoysaska dadka ka yimaada waddamada ka baxsan EU/EEA. Lammaane muwaadin ka ah waddan EU/EEA ama Waqooyiga Yurub uma baahna ruqsad, laakiin carruurtu way codsadaan.",
            "time": "Xubnaha qoyska ee la codsada shaqaale xirfad sare leh waxay la wadaagaan ballanqaadka 30 maalmood ee codsiyada dhammaystiran. Kuwa hadhow codsada ma helaan mudnaan. Kiisku wuxuu qaadan karaa ilaa afar bilood.",
            "steps": [
                ("Codsada isla waqtiga shaqaalaha", "Xubin kasta oo qoyska ka mid ah waxay leedahay codsi u gaar ah. Ku xira codsiga shaqaalaha si loo wada eego."),
                ("Lammaanahaagu wuu shaqeyn karaa", "Lammaanaha haysta ruqsad qoys wuu ka shaqeyn karaa Iswiidhan. Ma jirto shuruud mushahar oo lammaanaha saaran."),
                ("Ruqsaduhu way isku xiran yihiin", "Ruqsadaha qoysku waxay ku xiran yihiin ruqsadda shaqaalaha. Haddii shaqaaluhu shaqada waayo ama aad kala tagtaan, beddelidda codsadaha ugu muhiimsan inta badan waxay ka dhigan tahay in dibadda laga soo codsado mar kale."),
            ],
            "need": ["Baasaboorrada qof walba", "Shahaadada guurka ama lammaanenimada", "Shahaadooyinka dhalashada carruurta", "Haddii waalid kale uu dalka ku hadho: oggolaanshihiisa"],
            "warning": "Wada codsada. Qofka codsada shaqaalaha ka dib ma helo mudnaan, wuxuuna sugi karaa waqti aad u dheer.",
            "eservice_label": "Ka codso bogga Migrationsverket",
        },
    },
    "register-population": {
        "ar": {
            "title": "سجّل في السويد واحصل على الرقم الشخصي (personnummer)",
            "summary": "سجّل نفسك وكل فرد من أسرتك في سجل السكان (folkbokföring) لدى مصلحة الضرائب خلال أسبوع من وصولك، فتحصل بذلك على الرقم الشخصي (personnummer).",
            "who": "كل من ينوي العيش في السويد لمدة سنة أو أكثر.",
            "time": "18 يومًا في 2024 (37 يومًا في 2023). منذ يونيو 2024، حين أُضيف التحقق من الهوية، المدة 3 إلى 4 أسابيع كحد أقصى، مع ذروة في الصيف. تقارير 2025 تذكر نحو 30 يومًا.",
            "steps": [
                ("أبلغ عن انتقالك", "بعد منحك التصريح يمكنك الإبلاغ عن انتقالك قبل وصولك بأسبوعين. قاعدة مصلحة الضرائب أن تسجّل خلال أسبوع من وصولك."),
                ("زُر مكتب خدمة بنفسك", "يزور كل فرد من الأسرة مصلحة الضرائب أو مكتب Statens servicecenter شخصيًا. أحضر جوازات السفر والتصريح، أو ما يثبت حق الإقامة."),
                ("سجّلوا الأسرة معًا", "أحضر عقد الزواج أو شهادة الشراكة وشهادات ميلاد الأطفال الأصلية."),
                ("انتظر الرقم الشخصي", "يصلك الرقم الشخصي (personnummer) بالبريد. تحتاجه للبنك والرعاية الصحية ومعظم الخدمات الإلكترونية."),
            ],
            "need": ["جواز السفر", "بطاقة تصريح الإقامة (UT-kort) أو ما يثبت حق الإقامة", "عقد الزواج أو شهادة الشراكة", "شهادات ميلاد الأطفال", "عنوانك في السويد"],
            "eservice_label": "أبلغ عن انتقالك على موقع مصلحة الضرائب",
        },
        "so": {
            "title": "Is-diiwaangeli Iswiidhan oo hel lambarka aqoonsiga shakhsiga (personnummer)",
            "summary": "Adiga iyo xubin kasta oo qoyskaaga ka mid ah isku diiwaangeliya diiwaanka dadweynaha (folkbokföring) ee Skatteverket toddobaad gudihiis markaad timaadaan. Markaas waxaad helaysaan lambarka aqoonsiga shakhsiga (personnummer).",
            "who": "Qof kasta oo doonaya inuu Iswiidhan ku noolaado hal sano ama ka badan.",
            "time": "18 maalmood 2024 (37 maalmood 2023). Tan iyo Juun 2024, markii la soo kordhiyay hubinta aqoonsiga, ugu badnaan 3 ilaa 4 toddobaad, xagaaga ayayna badataa. Warbixinnada 2025 waxay sheegaan ilaa 30 maalmood.",
            "steps": [
                ("Soo sheeg guuritaankaaga", "Marka ruqsadda lagu siiyo waxaad soo sheegi kartaa guuritaanka ilaa laba toddobaad ka hor intaadan iman. Xeerka Skatteverket waa inaad is-diiwaangeliso toddobaad gudihiis markaad timaado."),
                ("Booqo xafiis adeeg adigoo jooga", "Xubin kasta oo qoyska ka mid ah waxay si shakhsi ah u booqataa Skatteverket ama Statens servicecenter. Keen baasaboorrada iyo ruqsadda, ama caddeynta xaqa degenaanshaha."),
                ("Qoyska wada diiwaangeliya", "Keen shahaadada guurka ama lammaanenimada iyo shahaadooyinka dhalashada carruurta oo asal ah."),
                ("Sug lambarkaaga personnummer", "Lambarka aqoonsiga shakhsiga (personnummer) wuxuu kuugu imaanayaa boostada. Waxaad ugu baahan tahay bangiga, daryeelka caafimaadka iyo inta badan adeegyada internetka."),
            ],
            "need": ["Baasaboor", "Kaarka ruqsadda degenaanshaha (UT-kort) ama caddeynta xaqa degenaanshaha", "Shahaadada guurka ama lammaanenimada", "Shahaadooyinka dhalashada carruurta", "Cinwaankaaga Iswiidhan"],
            "eservice_label": "Ka soo sheeg guuritaanka bogga Skatteverket",
        },
    },
    "coordination-number": {
        "ar": {
            "title": "احصل على رقم التنسيق (samordningsnummer)",
            "summary": "إذا كانت إقامتك أقل من سنة تحصل على رقم التنسيق (samordningsnummer) بدلًا من الرقم الشخصي (personnummer).",
            "who": "من يقيم في السويد أقل من سنة.",
            "steps": [
                ("تحقّق إن كان في الطريق", "عندما يكون التصريح لأقل من سنة، تطلب مصلحة الهجرة رقم تنسيق لك من مصلحة الضرائب."),
                ("وإلا فقدّم الطلب لدى مصلحة الضرائب", "يمكنك أيضًا طلب رقم التنسيق من مصلحة الضرائب شخصيًا، مع جواز سفرك."),
                ("استخدمه مثل الرقم الشخصي", "تستخدم البنوك وأصحاب العمل والرعاية الصحية رقم التنسيق للتعرّف عليك."),
            ],
            "need": ["جواز السفر", "تصريحك، أو ما يثبت حق الإقامة"],
        },
        "so": {
            "title": "Hel lambarka isku-duwidda (samordningsnummer)",
            "summary": "Haddii aad joogayso wax ka yar hal sano, waxaad helaysaa lambarka isku-duwidda (samordningsnummer) halkii lambarka aqoonsiga shakhsiga (personnummer).",
            "who": "Dadka Iswiidhan joogaya wax ka yar hal sano.",
            "steps": [
                ("Hubi inuu horeba u soo socdo", "Marka ruqsaddu ka gaaban tahay hal sano, Migrationsverket ayaa Skatteverket ka codsata lambar isku-duwid adiga kuu ah."),
                ("Haddii kale ka codso Skatteverket", "Waxaad sidoo kale lambarka isku-duwidda ka codsan kartaa Skatteverket adigoo jooga, baasaboorkaagana wata."),
                ("U isticmaal sida personnummer", "Bangiyada, loo-shaqeeyayaasha iyo daryeelka caafimaadku waxay lambarka isku-duwidda u isticmaalaan inay ku aqoonsadaan."),
            ],
            "need": ["Baasaboor", "Ruqsaddaada, ama caddeynta xaqa degenaanshaha"],
        },
    },
    "id-card": {
        "ar": {
            "title": "احصل على بطاقة هوية سويدية",
            "summary": "بعد حصولك على الرقم الشخصي (personnummer)، قدّم طلب بطاقة الهوية من مصلحة الضرائب شخصيًا؛ فالبنوك تطلبها عادة.",
            "who": "كل من سُجّل في السويد وينوي البقاء سنة أو أكثر.",
            "steps": [
                ("ادفع الرسوم", "هناك رسوم. ادفعها قبل زيارتك."),
                ("زُر مكتب خدمة", "قدّم الطلب شخصيًا في أحد مكاتب خدمة مصلحة الضرائب، حيث تُلتقط صورتك."),
                ("استلم البطاقة", "سيُبلغونك متى يمكنك استلام البطاقة من المكتب."),
            ],
            "need": ["رقمك الشخصي", "جواز السفر", "إيصال دفع الرسوم"],
        },
        "so": {
            "title": "Hel kaarka aqoonsiga Iswiidhan",
            "summary": "Marka aad hesho lambarka aqoonsiga shakhsiga (personnummer), adigoo jooga ka codso kaarka aqoonsiga Skatteverket. Bangiyadu inta badan way weydiiyaan.",
            "who": "Qof kasta oo Iswiidhan ka diiwaangashan oo doonaya inuu joogo hal sano ama ka badan.",
            "steps": [
                ("Bixi lacagta", "Waxaa jira lacag la bixiyo. Bixi ka hor booqashada."),
                ("Booqo xafiis adeeg", "Adigoo jooga ka codso mid ka mid ah xafiisyada adeegga Skatteverket. Halkaas ayaa lagaa sawirayaa."),
                ("Qaado kaarka", "Waxaa laguu sheegayaa goorta aad kaarka ka qaadan karto xafiiska."),
            ],
            "need": ["Lambarkaaga personnummer", "Baasaboor", "Rasiidka lacagta"],
        },
    },
    "bank-account": {
        "ar": {
            "title": "افتح حسابًا مصرفيًا",
            "summary": "تطلب البنوك عادة الرقم الشخصي (personnummer) أو رقم التنسيق وبطاقة هوية سويدية قبل أن تفتح لك حسابًا.",
            "who": "كل من ينتقل إلى السويد.",
            "time": "نحو نصف الشركاء والعائلات الذين سُئلوا في 2025 وجدوا صعوبة في الحصول على حساب مصرفي وBankID.",
            "steps": [
                ("احصل على الرقم والهوية أولًا", "إذا كانت إقامتك طويلة فانتظر الرقم الشخصي وبطاقة الهوية. وإذا كانت قصيرة فانتظر رقم التنسيق."),
                ("ابدأ ببنك الشريك العامل", "بعد أن يصبح الشريك العامل عميلًا، يستطيع الشريك الآخر غالبًا أن يصبح عميلًا أيضًا."),
                ("اسأل صاحب العمل", "يُدفع راتبك إلى حساب سويدي. غالبًا ما يعرف أصحاب العمل وشركات الانتقال أي بنك يساعد القادمين الجدد."),
            ],
            "need": ["الرقم الشخصي أو رقم التنسيق", "بطاقة الهوية أو جواز السفر", "عقد العمل"],
        },
        "so": {
            "title": "Fur xisaab bangi",
            "summary": "Bangiyadu inta badan waxay weydiiyaan lambarka aqoonsiga shakhsiga (personnummer) ama lambarka isku-duwidda iyo kaarka aqoonsiga Iswiidhan ka hor intaysan xisaab kuu furin.",
            "who": "Qof kasta oo u guura Iswiidhan.",
            "time": "Qiyaastii kala bar lammaanayaasha iyo qoysaska la weydiiyay 2025 waxay u arkeen in ay adag tahay helitaanka xisaab bangi iyo BankID.",
            "steps": [
                ("Marka hore hel lambarka iyo aqoonsiga", "Haddii aad muddo dheer joogayso, sug personnummer-ka iyo kaarka aqoonsiga. Haddii muddo gaaban, sug lambarka isku-duwidda."),
                ("Ka bilow bangiga lammaanaha shaqeeya", "Marka lammaanaha shaqeeya uu macmiil noqdo, lammaanaha kale inta badan wuu noqon karaa macmiil."),
                ("Weydii loo-shaqeeyahaaga", "Mushaharkaaga waxaa lagu bixiyaa xisaab Iswiidhan ah. Loo-shaqeeyayaasha iyo shirkadaha guuritaanka inta badan way yaqaanaan bangiga caawiya dadka cusub."),
            ],
            "need": ["Personnummer ama lambarka isku-duwidda", "Kaarka aqoonsiga ama baasaboor", "Heshiiska shaqadaada"],
        },
    },
    "healthcare": {
        "ar": {
            "title": "احصل على الرعاية الصحية: اختر مركزًا صحيًا (vårdcentral)",
            "summary": "اختر مركزًا صحيًا (vårdcentral) واتصل بالرقم 1177 للحصول على النصيحة؛ مع الرقم الشخصي (personnummer) تحصل على الرعاية مثل كل من يعيش هنا.",
            "who": "كل من في السويد.",
            "steps": [
                ("اختر مركزًا صحيًا", "المركز الصحي (vårdcentral) هو أول مكان تذهب إليه. اختر واحدًا قريبًا من منزلك."),
                ("اتصل بالرقم 1177 للنصيحة", "اتصل بالرقم 1177 أو ادخل إلى 1177.se عندما تمرض ولا تعرف إلى أين تذهب. في حالة الطوارئ اتصل بالرقم 112."),
                ("لا تحتاج إلى انتظار مصلحة التأمينات", "يظن كثيرون أن عليهم انتظار قرار مصلحة التأمينات الاجتماعية قبل طلب الرعاية. الرقم الشخصي يكفي."),
                ("قبل التسجيل", "قبل أن تحصل على الرقم الشخصي تحصل على الرعاية التي لا يمكن تأجيلها."),
            ],
            "eservice_label": "اذهب إلى 1177.se",
        },
        "so": {
            "title": "Hel daryeel caafimaad: dooro xarun caafimaad (vårdcentral)",
            "summary": "Dooro xarun caafimaad (vårdcentral) oo wac 1177 si aad talo u hesho. Marka aad haysato lambarka aqoonsiga shakhsiga (personnummer) waxaad helaysaa daryeel sida qof kasta oo halkan ku nool.",
            "who": "Qof kasta oo Iswiidhan jooga.",
            "steps": [
                ("Dooro xarun caafimaad", "Xarunta caafimaadka (vårdcentral) waa meesha ugu horreysa ee aad aadayso. Dooro mid u dhow gurigaaga."),
                ("Wac 1177 si aad talo u hesho", "Wac 1177 ama gal 1177.se marka aad xanuunsato oo aadan garanayn meel aad aado. Xaalad degdeg ah, wac 112."),
                ("Uma baahnid inaad sugto Försäkringskassan", "Dad badan ayaa u malaynaya inay sugaan go'aanka Försäkringskassan ka hor intaysan daryeel raadsan. Personnummer ayaa ku filan."),
                ("Ka hor diiwaangelinta", "Ka hor intaadan helin personnummer waxaad helaysaa daryeelka aan la sugi karin."),
            ],
            "eservice_label": "Gal 1177.se",
        },
    },
    "social-insurance": {
        "ar": {
            "title": "اعرف إن كنت مؤمَّنًا في السويد (مصلحة التأمينات الاجتماعية)",
            "summary": "تقرر مصلحة التأمينات الاجتماعية (Försäkringskassan) ما إذا كنت أنت وأسرتك مشمولين بالتأمين الاجتماعي السويدي، الذي يمنح الحق في إعانات مثل إعانة الأطفال وإعانة الوالدين.",
            "who": "كل من يبقى سنة أو أكثر، وأسرهم.",
            "time": "بلغ متوسط طابور تقييم التأمين لدى مصلحة التأمينات 40.7 يومًا (دراسة 2025).",
            "steps": [
                ("سجّل في سجل السكان أولًا", "تحتاج مصلحة التأمينات إلى رقمك الشخصي (personnummer)."),
                ("من خارج الاتحاد الأوروبي: قد يبدأ التقييم تلقائيًا", "منذ نوفمبر 2025 تقيّم مصلحة التأمينات تلقائيًا الأشخاص القادمين من خارج الاتحاد الأوروبي والمنطقة الاقتصادية الأوروبية."),
                ("وإلا فأرسل الاستمارة", "مواطنو الاتحاد الأوروبي، وكل من لا يُقيَّم تلقائيًا، يبلغون مصلحة التأمينات عن انتقالهم."),
                ("الشركاء بلا أطفال: تواصلوا معها أيضًا", "كثير من الشركاء الذين ليس لديهم أطفال لا يتواصلون أبدًا مع مصلحة التأمينات، فيفوتهم مثلًا دعم علاج الأسنان وبدل السكن."),
            ],
            "need": ["الرقم الشخصي", "عقد العمل", "شهادة من مكتب التأمين في بلدك، إن وُجدت"],
            "eservice_label": "اذهب إلى موقع مصلحة التأمينات الاجتماعية",
        },
        "so": {
            "title": "Ogow haddii aad caymis ku leedahay Iswiidhan (Försäkringskassan)",
            "summary": "Försäkringskassan ayaa go'aamisa in adiga iyo qoyskaagu ku jirtaan caymiska bulshada ee Iswiidhan, kaas oo xaq u siiya gunnooyin sida lacagta carruurta iyo gunnada waalidka.",
            "who": "Qof kasta oo joogaya hal sano ama ka badan, iyo qoysaskooda.",
            "time": "Safka qiimeynta caymiska ee Försäkringskassan celcelis ahaan wuxuu ahaa 40.7 maalmood (daraasadda 2025).",
            "steps": [
                ("Marka hore is-diiwaangeli", "Hay'adda caymiska bulshada (Försäkringskassan) waxay u baahan tahay lambarkaaga aqoonsiga shakhsiga (personnummer)."),
                ("Ka baxsan EU/EEA: waxay bilaaban kartaa si toos ah", "Laga bilaabo Noofembar 2025 Försäkringskassan waxay si toos ah u qiimeysaa dadka ka yimaada meel ka baxsan EU/EEA."),
                ("Haddii kale dir foomka", "Muwaadiniinta EU/EEA, iyo qof kasta oo aan si toos ah loo qiimeyn, waxay guuritaankooda u sheegaan Försäkringskassan."),
                ("Lammaanaha aan carruur lahayn: iyaga la xiriir", "Lammaanayaal badan oo aan carruur lahayn weligood lama xiriiraan Försäkringskassan, waxayna seegaan tusaale ahaan taageerada daryeelka ilkaha iyo kaalmada kirada."),
            ],
            "need": ["Personnummer", "Heshiiska shaqada", "Shahaado ka timid xafiiska caymiska ee waddankaaga, haddii aad haysatay"],
            "eservice_label": "Gal bogga Försäkringskassan",
        },
    },
    "preschool-place": {
        "ar": {
            "title": "قدّم طلب مكان في الروضة (förskola)",
            "summary": "قدّم طلبًا إلى البلدية لمكان في الروضة (förskola) قبل نحو أربعة أشهر من حاجة طفلك إليه.",
            "who": "العائلات التي لديها أطفال من عمر سنة إلى خمس سنوات.",
            "time": "يجب على البلدية أن تعرض مكانًا خلال أربعة أشهر من تقديم طلبك.",
            "steps": [
                ("ابحث عن الخدمة الإلكترونية للبلدية", "كل بلدية تستقبل الطلبات لروضاتها. غالبًا يمكنك التقديم قبل الانتقال."),
                ("قدّم الطلب قبل أربعة أشهر", "يجب على البلدية أن تعرض مكانًا خلال أربعة أشهر، لذلك قدّم الطلب قبل نحو أربعة أشهر من حاجتك إليه."),
            ],
            "need": ["تاريخ ميلاد طفلك", "عنوانك في البلدية، أو تاريخ انتقالكم"],
        },
        "so": {
            "title": "Codso meel xanaano (förskola)",
            "summary": "Degmada ka codso meel xanaano (förskola) qiyaastii afar bilood ka hor inta uusan ilmahaagu u baahan.",
            "who": "Qoysaska leh carruur da'doodu u dhaxayso 1 ilaa 5 sano.",
            "time": "Degmadu waa inay ku siisaa meel afar bilood gudahood laga bilaabo codsigaaga.",
            "steps": [
                ("Hel adeegga internetka ee degmada", "Degmo kastaa waxay qaabilaysaa codsiyada xanaanadeeda. Inta badan waad codsan kartaa ka hor intaadan guurin."),
                ("Codso afar bilood ka hor", "Degmadu waa inay meel ku siisaa afar bilood gudahood, sidaas darteed codso qiyaastii afar bilood ka hor inta aad u baahan tahay."),
            ],
            "need": ["Taariikhda dhalashada ilmahaaga", "Cinwaankaaga degmada, ama taariikhda aad guuraysaan"],
        },
    },
    "school-place": {
        "ar": {
            "title": "تواصل مع البلدية بشأن مكان في المدرسة",
            "summary": "قبل وصولكم، تواصل مع البلدية التي ستسكنون فيها بشأن مكان في المدرسة لأطفالك.",
            "who": "العائلات التي لديها أطفال من 6 إلى 19 عامًا.",
            "steps": [
                ("تواصل مع البلدية", "أخبرهم بأعمار أطفالك وموعد وصولكم. البلدية هي التي توزّع الأطفال على المدارس الإلزامية."),
                ("انظر في المدارس الدولية إن أردت", "توجد مدارس دولية في بعض البلديات، ولدى هيئة الإحصاء السويدية (SCB) قائمة بها."),
                ("المرحلة الثانوية بالتقديم", "يقدّم الشباب من 16 إلى 19 عامًا طلبًا للالتحاق بالمدرسة الثانوية (gymnasium)."),
            ],
        },
        "so": {
            "title": "La xiriir degmada si aad meel dugsi u hesho",
            "summary": "Ka hor intaadan iman, la xiriir degmada aad ku noolaan doontaan si carruurtaadu meel dugsi u helaan.",
            "who": "Qoysaska leh carruur da'doodu u dhaxayso 6 ilaa 19 sano.",
            "steps": [
                ("La xiriir degmada", "U sheeg da'da carruurtaada iyo goorta aad imaanaysaan. Degmada ayaa carruurta geysa dugsiga waajibka ah."),
                ("Eeg dugsiyada caalamiga ah haddii aad rabto", "Degmooyinka qaarkood waxaa ku yaal dugsiyo caalami ah. SCB ayaa haysa liiskooda."),
                ("Dugsiga sare waa in la codsadaa", "Dhallinyarada da'doodu tahay 16 ilaa 19 waxay codsadaan dugsiga sare (gymnasium)."),
            ],
        },
    },
    "school-registration": {
        "ar": {
            "title": "بداية المدرسة",
            "summary": "يذهب الأطفال من 6 إلى 15 عامًا الذين يعيشون في السويد إلى المدرسة الإلزامية؛ أبلغ البلدية فور وصولكم.",
            "who": "العائلات التي لديها أطفال من 6 إلى 19 عامًا.",
            "steps": [
                ("سجّل أطفالك لدى البلدية", "المدرسة إلزامية للأطفال من 6 إلى 15 عامًا الذين يعيشون هنا، والبلدية تمنحهم مكانًا."),
                ("قدّم طلبًا للمدرسة الثانوية", "يقدّم الشباب من 16 إلى 19 عامًا طلبًا إلى المدرسة الثانوية."),
                ("منحة الدراسة من سن 16", "تُدفع إعانة الأطفال (barnbidrag) حتى يبلغ الطفل 16 عامًا. بعدها تحل محلها منحة الدراسة (studiebidrag) من CSN لطلاب المرحلة الثانوية."),
            ],
        },
        "so": {
            "title": "Bilaabidda dugsiga",
            "summary": "Carruurta da'doodu tahay 6 ilaa 15 ee ku nool Iswiidhan waxay aadaan dugsiga waajibka ah. U sheeg degmada isla marka aad timaadaan.",
            "who": "Qoysaska leh carruur da'doodu u dhaxayso 6 ilaa 19 sano.",
            "steps": [
                ("Carruurta ka diiwaangeli degmada", "Dugsigu waa waajib carruurta da'doodu tahay 6 ilaa 15 ee halkan ku nool. Degmada ayaa meel siisa."),
                ("Codso dugsiga sare", "Dhallinyarada da'doodu tahay 16 ilaa 19 waxay codsadaan dugsiga sare."),
                ("Deeqda waxbarashada laga bilaabo 16", "Lacagta carruurta (barnbidrag) waxaa la bixiyaa ilaa ilmuhu ka gaaro 16. Kadib ardayda dugsiga sare waxaa loogu beddelaa deeqda waxbarashada (studiebidrag) ee CSN."),
            ],
        },
    },
    "sfi": {
        "ar": {
            "title": "تعلّم السويدية مجانًا: sfi",
            "summary": "دورة السويدية للمهاجرين (sfi) مجانية وتنظمها بلديتك، لكل من بلغ 16 عامًا ومسجّل هنا.",
            "who": "كل من بلغ 16 عامًا أو أكثر ومسجّل في السويد، وشريكه، أيًّا كان نوع تصريح الشريك.",
            "steps": [
                ("سجّل في السويد أولًا", "تحتاج إلى الرقم الشخصي (personnummer) لتبدأ دراسة sfi."),
                ("قدّم الطلب إلى بلديتك", "البلدية تنظم دورات sfi، وغالبًا في النهار أو المساء أو عن بُعد."),
                ("ابدأ من اليوم الأول", "قال الشركاء إن تعلّم اللغة والدعم يجب أن يبدآ من اليوم الأول. السويدية الموجهة نحو العمل مفيدة."),
            ],
            "changes": ("decided", None, "تقرّرت قواعد أكثر صرامة لدورات sfi: يقتصر الحق في sfi على ثلاث سنوات، ويمكن تمديده ستة أشهر في كل مرة. تحقّق من تاريخ البدء في صفحة الجهة المسؤولة.", "Skolverket: sfi", "https://www.skolverket.se/"),
        },
        "so": {
            "title": "Baro iswiidhishka bilaash: sfi",
            "summary": "Iswiidhishka muhaajiriinta (sfi) waa bilaash, waxaana qabanqaabisa degmadaada, qof kasta oo 16 jir ah ama ka weyn oo halkan ka diiwaangashan.",
            "who": "Qof kasta oo 16 sano ama ka weyn oo Iswiidhan ka diiwaangashan, iyo lammaanahooda, nooc kasta oo ruqsad ah oo lammaanuhu haysto.",
            "steps": [
                ("Marka hore is-diiwaangeli", "Waxaad u baahan tahay lambarka aqoonsiga shakhsiga (personnummer) si aad u bilowdo sfi."),
                ("Ka codso degmadaada", "Degmada ayaa qabanqaabisa sfi, inta badan koorsooyin maalintii, habeenkii ama fog."),
                ("Ka bilow maalinta koowaad", "Lammaanayaashu waxay sheegeen in luqadda iyo taageeradu ay bilaabmaan maalinta ugu horreysa. Iswiidhishka shaqada ku saabsan ayaa caawiya."),
            ],
            "changes": ("decided", None, "Xeerar adag oo sfi ah ayaa la go'aamiyay: xaqa sfi wuxuu ku koobnaanayaa saddex sano, waxaana la kordhin karaa lix bilood mar kasta. Taariikhda bilowga ka hubi bogga hay'adda.", "Skolverket: sfi", "https://www.skolverket.se/"),
        },
    },
    "register-job-seeker": {
        "ar": {
            "title": "سجّل كباحث عن عمل في مكتب العمل",
            "summary": "سجّل في مكتب العمل السويدي (Arbetsförmedlingen) بعد تسجيلك في السويد؛ التواصل المبكر يساعد.",
            "who": "من يبحث عن عمل، والشركاء الذين يريدون العمل.",
            "time": "يذكر الشركاء أن التسجيل قد يستغرق من 3 إلى 6 أشهر، وأن نحو 30 يومًا تمر قبل أن يتصل موظف يتحدث الإنجليزية. هذه تجارب مروية وليست مدة رسمية (دراسة 2025).",
            "steps": [
                ("سجّل في سجل السكان أولًا", "يحتاج مكتب العمل إلى رقمك الشخصي (personnummer) أو رقم التنسيق."),
                ("سجّل عبر الإنترنت أو زُر مكتبًا", "قد يتطلب التواصل استخدام BankID."),
                ("ابحث في Platsbanken", "Platsbanken هو موقع الوظائف التابع لمكتب العمل، وهو مفتوح للجميع."),
            ],
            "warning": "لا يقدّم مكتب العمل دعمًا خاصًا للشركاء المرافقين. ابحث أيضًا عن برامج الشركاء.",
            "eservice_label": "سجّل على موقع مكتب العمل",
        },
        "so": {
            "title": "Isku diiwaangeli shaqo-doon ahaan Arbetsförmedlingen",
            "summary": "Isku diiwaangeli Xafiiska Shaqada Iswiidhan (Arbetsförmedlingen) marka aad Iswiidhan ka diiwaangashan tahay. Xiriirka hore ayaa caawiya.",
            "who": "Dadka shaqo raadinaya, iyo lammaanayaasha doonaya inay shaqeeyaan.",
            "time": "Lammaanayaashu waxay sheegaan in diiwaangelintu qaadan karto 3 ilaa 6 bilood, qiyaastii 30 maalmood ayaana dhaafa ka hor inta uusan ku soo wicin sarkaal ingiriis ku hadla. Tani waa waayo-aragnimo la sheegay, ma aha waqti rasmi ah (daraasadda 2025).",
            "steps": [
                ("Marka hore is-diiwaangeli", "Xafiiska shaqada (Arbetsförmedlingen) wuxuu u baahan yahay lambarkaaga aqoonsiga shakhsiga (personnummer) ama lambarka isku-duwidda (samordningsnummer)."),
                ("Ku diiwaangeli internetka ama booqo xafiis", "Xiriirku wuxuu u baahan karaa BankID."),
                ("Ka raadi Platsbanken", "Platsbanken waa goobta shaqooyinka ee Arbetsförmedlingen, waxayna u furan tahay qof kasta."),
            ],
            "warning": "Arbetsförmedlingen ma laha taageero gaar ah oo loogu talagalay lammaanayaasha la socda. Sidoo kale eeg barnaamijyada lammaanaha.",
            "eservice_label": "Ka diiwaangeli bogga Arbetsförmedlingen",
        },
    },
}
