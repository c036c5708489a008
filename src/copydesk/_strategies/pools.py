"""Word and sentence pools the strategies build articles from.

Plain data, written for this project. The first entry of every pool is the
plainest one: Hypothesis shrinks a ``sampled_from`` towards its first
element, so failures shrink to plain, short examples.

Rules the pools keep (the strategies rely on them):

- sentences end with ``.``, ``?`` or ``。``, hold single spaces only
  and no line breaks; no sentence appears twice in one language;
- titles, subheadings and caption parts have no closing full stop;
- nothing here looks like a byline, a date line, a dateline or a credit tag.
"""

from __future__ import annotations

import enum


class Language(enum.Enum):
    """A language (and script) the generated articles can be written in.

    The values are the ISO 639-1 codes, as in :attr:`copydesk.Article.language`.

    >>> Language.GREEK.value
    'el'
    """

    ENGLISH = "en"
    FRENCH = "fr"
    GERMAN = "de"
    SPANISH = "es"
    PORTUGUESE = "pt"
    ITALIAN = "it"
    RUSSIAN = "ru"  #: Cyrillic
    GREEK = "el"
    CHINESE = "zh"  #: CJK, no spaces between words
    ARABIC = "ar"  #: right to left
    VIETNAMESE = "vi"  #: stacked diacritics


SENTENCES: dict[Language, tuple[str, ...]] = {
    Language.ENGLISH: (
        "The city council approved the new budget on Monday.",
        "Officials said the bridge would reopen next week.",
        "The company’s shares fell 4 percent in early trading.",
        "Rescue teams worked through the night to reach the village.",
        "“We are not going to give up,” the mayor told reporters.",
        "The vote was delayed after a dispute over the wording of the bill.",
        "Prices for fresh vegetables have nearly doubled since March.",
        "Hundreds of people gathered outside the courthouse on Tuesday evening.",
        "The ministry did not respond to a request for comment.",
        "Schools in the region will stay closed until the end of the week.",
        "Scientists say the findings could change how the disease is treated.",
        "The report, published on Wednesday, covers the last ten years.",
        "Police said two men had been arrested in connection with the fire.",
        "It was the third storm to hit the coast this month.",
        "The agreement still needs the approval of both parliaments.",
        "Farmers in the north say the drought is the worst in decades.",
        "Turnout was higher than in any election since 1998.",
        "The museum’s new wing will open to the public in the spring.",
        "Negotiators met for more than nine hours without a deal.",
        "Critics say the plan does little to help renters.",
        "The team’s coach praised the players for their patience.",
        "Several roads remain blocked by snow and fallen trees.",
        "The central bank kept interest rates unchanged for a fifth month.",
        "Residents were told to boil their drinking water as a precaution.",
        "The airline cancelled more than 200 flights because of the strike.",
        "“It’s a good first step, but it is not enough,” said one resident.",
        "Doctors at the hospital treated 14 people for minor injuries.",
        "The festival drew a record crowd of about 60,000 visitors.",
        "According to the census, the population grew by 2.3 percent.",
        "The minister resigned hours after the recording was made public.",
        "Engineers are still trying to find the cause of the outage.",
        "The court is expected to rule on the case before the summer.",
        "Local businesses say the new rules came with too little warning.",
        "The two leaders spoke by phone for nearly an hour — their first call in months.",
        "Investigators found no sign of a mechanical fault.",
        "The school’s head teacher said pupils were safe and accounted for.",
        "Demand for electric cars rose sharply in the last quarter.",
        "The government says the new line will cut travel times by half.",
        "Aid workers warned that supplies would run out within days.",
        "The exhibition brings together more than 120 works by the artist.",
    ),
    Language.FRENCH: (
        "Le conseil municipal a adopté le budget lundi soir.",
        "Les secours ont travaillé toute la nuit pour atteindre le village.",
        "Le ministre a démissionné quelques heures après la publication de l’enregistrement.",
        "Les prix des légumes frais ont presque doublé depuis mars.",
        "« Nous n’allons pas abandonner », a déclaré la maire aux journalistes.",
        "Des centaines de personnes se sont rassemblées devant le tribunal.",
        "Les écoles de la région resteront fermées jusqu’à la fin de la semaine.",
        "Selon les scientifiques, ces résultats pourraient changer le traitement de la maladie.",
        "La police a interpellé deux hommes après l’incendie.",
        "L’accord doit encore être approuvé par les deux parlements.",
        "Les agriculteurs du nord parlent de la pire sécheresse depuis des décennies.",
        "La participation a été la plus élevée depuis 1998.",
        "Les négociations ont duré plus de neuf heures sans aboutir.",
        "Plusieurs routes restent bloquées par la neige.",
        "La banque centrale a maintenu ses taux pour le cinquième mois consécutif.",
        "Le musée ouvrira sa nouvelle aile au public au printemps.",
        "Les habitants ont été invités à faire bouillir l’eau du robinet.",
        "La compagnie aérienne a annulé plus de 200 vols à cause de la grève.",
        "Le festival a attiré un nombre record de visiteurs cette année.",
        "Les enquêteurs n’ont trouvé aucune trace de défaillance mécanique.",
    ),
    Language.GERMAN: (
        "Der Stadtrat hat den neuen Haushalt am Montag beschlossen.",
        "Die Rettungskräfte arbeiteten die ganze Nacht hindurch.",
        "Die Preise für frisches Gemüse haben sich seit März fast verdoppelt.",
        "„Wir werden nicht aufgeben“, sagte die Bürgermeisterin vor Journalisten.",
        "Hunderte Menschen versammelten sich am Dienstagabend vor dem Gericht.",
        "Die Schulen der Region bleiben bis zum Ende der Woche geschlossen.",
        "Nach Angaben der Polizei wurden zwei Männer festgenommen.",
        "Das Abkommen muss noch von beiden Parlamenten gebilligt werden.",
        "Die Bauern im Norden sprechen von der schlimmsten Dürre seit Jahrzehnten.",
        "Die Wahlbeteiligung war so hoch wie seit 1998 nicht mehr.",
        "Die Verhandlungen dauerten mehr als neun Stunden ohne Ergebnis.",
        "Mehrere Straßen sind nach dem Schneefall weiterhin gesperrt.",
        "Die Zentralbank ließ die Zinsen zum fünften Mal in Folge unverändert.",
        "Das Museum öffnet seinen neuen Flügel im Frühjahr für Besucher.",
        "Die Anwohner wurden aufgefordert, ihr Trinkwasser abzukochen.",
        "Die Fluggesellschaft strich wegen des Streiks mehr als 200 Flüge.",
        "Die Ermittler fanden keine Hinweise auf einen technischen Defekt.",
        "Der Minister trat wenige Stunden nach der Veröffentlichung zurück.",
        "Kritiker sagen, der Plan helfe Mietern kaum.",
        "Das Festival zog in diesem Jahr so viele Besucher an wie nie zuvor.",
    ),
    Language.SPANISH: (
        "El ayuntamiento aprobó el nuevo presupuesto el lunes.",
        "Los equipos de rescate trabajaron durante toda la noche.",
        "Los precios de las verduras frescas casi se han duplicado desde marzo.",
        "«No vamos a rendirnos», dijo la alcaldesa a los periodistas.",
        "Cientos de personas se reunieron frente al tribunal el martes.",
        "Las escuelas de la región seguirán cerradas hasta el final de la semana.",
        "La policía detuvo a dos hombres en relación con el incendio.",
        "El acuerdo todavía necesita la aprobación de ambos parlamentos.",
        "Los agricultores del norte hablan de la peor sequía en décadas.",
        "La participación fue la más alta desde 1998.",
        "Las negociaciones duraron más de nueve horas sin acuerdo.",
        "Varias carreteras siguen cortadas por la nieve.",
        "El banco central mantuvo los tipos de interés por quinto mes.",
        "El museo abrirá su nueva ala al público en primavera.",
        "Se pidió a los vecinos que hirvieran el agua del grifo.",
        "La aerolínea canceló más de 200 vuelos por la huelga.",
        "Los investigadores no encontraron ningún fallo mecánico.",
        "El ministro dimitió pocas horas después de que se publicara la grabación.",
        "¿Quién pagará la reconstrucción del puente?",
        "El festival reunió a una cifra récord de visitantes.",
    ),
    Language.PORTUGUESE: (
        "A câmara municipal aprovou o novo orçamento na segunda-feira.",
        "As equipas de resgate trabalharam durante toda a noite.",
        "Os preços dos legumes frescos quase duplicaram desde março.",
        "Centenas de pessoas reuniram-se em frente ao tribunal.",
        "As escolas da região vão continuar fechadas até ao fim da semana.",
        "A polícia deteve dois homens em ligação com o incêndio.",
        "O acordo ainda precisa da aprovação dos dois parlamentos.",
        "Os agricultores do norte falam da pior seca em décadas.",
        "As negociações duraram mais de nove horas sem acordo.",
        "O banco central manteve as taxas de juro inalteradas.",
        "A companhia aérea cancelou mais de 200 voos por causa da greve.",
        "O ministro demitiu-se poucas horas depois da divulgação da gravação.",
    ),
    Language.ITALIAN: (
        "Il consiglio comunale ha approvato il nuovo bilancio lunedì.",
        "Le squadre di soccorso hanno lavorato per tutta la notte.",
        "I prezzi della verdura fresca sono quasi raddoppiati da marzo.",
        "Centinaia di persone si sono radunate davanti al tribunale.",
        "Le scuole della regione resteranno chiuse fino alla fine della settimana.",
        "La polizia ha arrestato due uomini in relazione all’incendio.",
        "L’accordo deve ancora essere approvato dai due parlamenti.",
        "Gli agricoltori del nord parlano della peggiore siccità da decenni.",
        "I negoziati sono durati più di nove ore senza un’intesa.",
        "La banca centrale ha lasciato invariati i tassi per il quinto mese.",
        "La compagnia aerea ha cancellato più di 200 voli a causa dello sciopero.",
        "Il ministro si è dimesso poche ore dopo la pubblicazione della registrazione.",
    ),
    Language.RUSSIAN: (
        "Городской совет утвердил новый бюджет в понедельник.",
        "Спасатели работали всю ночь, чтобы добраться до деревни.",
        "Цены на свежие овощи почти удвоились с марта.",
        "«Мы не сдадимся», — заявила мэр журналистам.",
        "Сотни человек собрались у здания суда во вторник вечером.",
        "Школы региона будут закрыты до конца недели.",
        "Полиция задержала двух мужчин в связи с пожаром.",
        "Соглашение ещё должны одобрить оба парламента.",
        "Фермеры на севере говорят о худшей засухе за десятилетия.",
        "Явка оказалась самой высокой с 1998 года.",
        "Переговоры длились более девяти часов и закончились ничем.",
        "Несколько дорог по-прежнему перекрыты из-за снега.",
        "Центральный банк пятый месяц подряд сохраняет ставку.",
        "Музей откроет новое крыло для посетителей весной.",
        "Жителям посоветовали кипятить водопроводную воду.",
        "Авиакомпания отменила более 200 рейсов из-за забастовки.",
        "Следователи не нашли признаков технической неисправности.",
        "Министр ушёл в отставку через несколько часов после публикации записи.",
    ),
    Language.GREEK: (
        "Το δημοτικό συμβούλιο ενέκρινε τον νέο προϋπολογισμό τη Δευτέρα.",
        "Οι διασώστες εργάστηκαν όλη τη νύχτα για να φτάσουν στο χωριό.",
        "Οι τιμές των φρέσκων λαχανικών σχεδόν διπλασιάστηκαν από τον Μάρτιο.",
        "Εκατοντάδες άνθρωποι συγκεντρώθηκαν έξω από το δικαστήριο.",
        "Τα σχολεία της περιοχής θα παραμείνουν κλειστά έως το τέλος της εβδομάδας.",
        "Η αστυνομία συνέλαβε δύο άνδρες για την πυρκαγιά.",
        "Η συμφωνία πρέπει ακόμη να εγκριθεί από τα δύο κοινοβούλια.",
        "Οι αγρότες του βορρά μιλούν για τη χειρότερη ξηρασία εδώ και δεκαετίες.",
        "Οι διαπραγματεύσεις κράτησαν περισσότερες από εννέα ώρες.",
        "Η κεντρική τράπεζα διατήρησε αμετάβλητα τα επιτόκια.",
        "Η αεροπορική εταιρεία ακύρωσε περισσότερες από 200 πτήσεις.",
        "Ο υπουργός παραιτήθηκε λίγες ώρες μετά τη δημοσιοποίηση της ηχογράφησης.",
    ),
    Language.CHINESE: (
        "市议会周一批准了新的预算。",
        "救援人员连夜工作，试图抵达村庄。",
        "自三月以来，新鲜蔬菜的价格几乎翻了一番。",
        "数百人周二晚上聚集在法院外。",
        "该地区的学校将关闭到本周末。",
        "警方逮捕了两名与火灾有关的男子。",
        "该协议仍需两国议会批准。",
        "北方的农民说，这是几十年来最严重的干旱。",
        "谈判持续了九个多小时，但没有达成协议。",
        "中央银行连续第五个月维持利率不变。",
        "航空公司因罢工取消了两百多个航班。",
        "调查人员没有发现机械故障的迹象。",
        "博物馆的新展厅将于春季向公众开放。",
        "部长在录音公开几小时后辞职。",
    ),
    Language.ARABIC: (
        "وافق مجلس المدينة على الميزانية الجديدة يوم الاثنين.",
        "عملت فرق الإنقاذ طوال الليل للوصول إلى القرية.",
        "تضاعفت أسعار الخضروات الطازجة تقريبا منذ شهر مارس.",
        "تجمع مئات الأشخاص أمام المحكمة مساء الثلاثاء.",
        "ستبقى المدارس في المنطقة مغلقة حتى نهاية الأسبوع.",
        "اعتقلت الشرطة رجلين على صلة بالحريق.",
        "لا يزال الاتفاق بحاجة إلى موافقة البرلمانين.",
        "يقول المزارعون في الشمال إن الجفاف هو الأسوأ منذ عقود.",
        "استمرت المفاوضات أكثر من تسع ساعات دون التوصل إلى اتفاق.",
        "أبقى البنك المركزي أسعار الفائدة دون تغيير للشهر الخامس.",
        "ألغت شركة الطيران أكثر من مئتي رحلة بسبب الإضراب.",
        "استقال الوزير بعد ساعات من نشر التسجيل.",
    ),
    Language.VIETNAMESE: (
        "Hội đồng thành phố đã thông qua ngân sách mới vào thứ Hai.",
        "Các đội cứu hộ đã làm việc suốt đêm để đến được ngôi làng.",
        "Giá rau tươi đã tăng gần gấp đôi kể từ tháng Ba.",
        "Hàng trăm người đã tập trung trước tòa án vào tối thứ Ba.",
        "Các trường học trong khu vực sẽ đóng cửa đến cuối tuần.",
        "Cảnh sát đã bắt giữ hai người đàn ông liên quan đến vụ cháy.",
        "Thỏa thuận vẫn cần được quốc hội hai nước phê chuẩn.",
        "Nông dân ở miền bắc nói đây là đợt hạn hán tồi tệ nhất trong nhiều thập kỷ.",
        "Các cuộc đàm phán kéo dài hơn chín giờ mà không đạt được thỏa thuận.",
        "Ngân hàng trung ương giữ nguyên lãi suất trong tháng thứ năm liên tiếp.",
        "Hãng hàng không đã hủy hơn 200 chuyến bay vì cuộc đình công.",
        "Bộ trưởng đã từ chức vài giờ sau khi đoạn ghi âm được công bố.",
    ),
}

TITLES: dict[Language, tuple[str, ...]] = {
    Language.ENGLISH: (
        "City council approves new budget",
        "Storm leaves thousands without power along the coast",
        "Talks end without a deal after nine hours",
        "Drought pushes vegetable prices to record highs",
        "Minister resigns over leaked recording",
        "Museum’s new wing to open in the spring",
        "Airline cancels hundreds of flights as strike begins",
        "What the new rules mean for renters",
    ),
    Language.FRENCH: (
        "Le conseil municipal adopte le budget",
        "Sécheresse : les prix des légumes s’envolent",
        "Grève : des centaines de vols annulés",
        "Le ministre démissionne après la fuite d’un enregistrement",
    ),
    Language.GERMAN: (
        "Stadtrat beschließt neuen Haushalt",
        "Dürre treibt Gemüsepreise in die Höhe",
        "Streik: Hunderte Flüge gestrichen",
        "Minister tritt nach Veröffentlichung zurück",
    ),
    Language.SPANISH: (
        "El ayuntamiento aprueba el nuevo presupuesto",
        "La sequía dispara el precio de las verduras",
        "Huelga: cientos de vuelos cancelados",
        "Dimite el ministro tras la filtración de una grabación",
    ),
    Language.PORTUGUESE: (
        "Câmara aprova novo orçamento",
        "Seca faz disparar preços dos legumes",
        "Greve leva ao cancelamento de centenas de voos",
    ),
    Language.ITALIAN: (
        "Il consiglio comunale approva il bilancio",
        "Siccità, i prezzi della verdura alle stelle",
        "Sciopero, cancellati centinaia di voli",
    ),
    Language.RUSSIAN: (
        "Городской совет утвердил бюджет",
        "Засуха подняла цены на овощи",
        "Из-за забастовки отменены сотни рейсов",
    ),
    Language.GREEK: (
        "Εγκρίθηκε ο νέος προϋπολογισμός",
        "Η ξηρασία εκτινάσσει τις τιμές των λαχανικών",
        "Ακυρώθηκαν εκατοντάδες πτήσεις λόγω απεργίας",
    ),
    Language.CHINESE: (
        "市议会批准新预算",
        "干旱推高蔬菜价格",
        "罢工导致数百航班取消",
    ),
    Language.ARABIC: (
        "مجلس المدينة يقر الميزانية الجديدة",
        "الجفاف يرفع أسعار الخضروات",
        "إلغاء مئات الرحلات بسبب الإضراب",
    ),
    Language.VIETNAMESE: (
        "Hội đồng thành phố thông qua ngân sách mới",
        "Hạn hán đẩy giá rau lên cao",
        "Hàng trăm chuyến bay bị hủy vì đình công",
    ),
}

SUBHEADINGS: dict[Language, tuple[str, ...]] = {
    Language.ENGLISH: (
        "What happens next",
        "A long road to recovery",
        "Why it matters",
        "Reaction from the opposition",
        "The numbers behind the decision",
    ),
    Language.FRENCH: ("Et maintenant", "Les réactions de l’opposition", "Un long chemin"),
    Language.GERMAN: ("Wie es weitergeht", "Reaktionen der Opposition", "Ein langer Weg"),
    Language.SPANISH: ("Qué pasará ahora", "La reacción de la oposición", "Un largo camino"),
    Language.PORTUGUESE: ("O que acontece a seguir", "A reação da oposição"),
    Language.ITALIAN: ("Cosa succede ora", "La reazione dell’opposizione"),
    Language.RUSSIAN: ("Что будет дальше", "Реакция оппозиции"),
    Language.GREEK: ("Τι θα γίνει στη συνέχεια", "Η αντίδραση της αντιπολίτευσης"),
    Language.CHINESE: ("接下来会发生什么", "反对派的反应"),
    Language.ARABIC: ("ماذا بعد", "رد فعل المعارضة"),
    Language.VIETNAMESE: ("Điều gì sẽ xảy ra tiếp theo", "Phản ứng của phe đối lập"),
}

#: Person names from several cultures, romanised as bylines print them.
PERSON_NAMES: tuple[str, ...] = (
    "Jane Smith",
    "John Doe",
    "María José García López",
    "Jean-Luc Dubois",
    "Anna Schmidt",
    "Mohammed al-Hassan",
    "Priya Raghunathan",
    "Li Wei",
    "Zhang Xiaoming",
    "Yuki Tanaka",
    "Kim Min-jun",
    "Chukwuemeka Okonkwo",
    "Olga Petrova",
    "Nguyễn Thị Lan",
    "Ayşe Yılmaz",
    "Łukasz Wójcik",
    "Siobhán O’Connor",
    "Jan van der Berg",
    "Anil D’Souza",
    "Fatima Zahra Benali",
    "Giorgos Papadopoulos",
    "Søren Kierkegaard Jensen",
    "Ana Paula Ferreira",
    "Björn Andersson",
    "Mary-Kate McDonald",
    "Tomás Ó Súilleabháin",
    "Thandiwe Nkosi",
    "Rafael de la Cruz",
    "Hiroshi Yamamoto",
    "Amira Haddad",
)

#: Bylines that name no person (CMS placeholders, desks, roles).
PLACEHOLDER_BYLINES: tuple[str, ...] = (
    "admin",
    "Staff Reporter",
    "Web Desk",
    "News Desk",
    "Staff",
    "Editorial Team",
)

#: Wire agencies as their credits spell them.
AGENCIES: tuple[str, ...] = (
    "Reuters",
    "AP",
    "AFP",
    "PTI",
    "IANS",
    "ANI",
    "dpa",
    "Xinhua",
    "EFE",
    "ANSA",
    "UPI",
    "Kyodo",
    "Yonhap",
)

#: Photo credits as they follow captions.
PHOTO_CREDITS: tuple[str, ...] = (
    "AFP",
    "Reuters",
    "Getty Images",
    "AP Photo",
    "EPA",
    "Jane Smith/Reuters",
    "Li Wei/AFP",
    "Anadolu Agency",
)

#: Places that open datelines (as written in English-language copy).
PLACES: tuple[str, ...] = (
    "London",
    "Washington",
    "Damascus",
    "New Delhi",
    "Paris",
    "Beijing",
    "Moscow",
    "Cairo",
    "Rio de Janeiro",
    "Nairobi",
    "Tokyo",
    "Mexico City",
    "Berlin",
    "Athens",
    "Hanoi",
    "Buenos Aires",
)

#: Caption parts; a caption is "<subject> <action> in <place> on <day>".
CAPTION_SUBJECTS: tuple[str, ...] = (
    "Protesters",
    "Soldiers",
    "Rescue workers",
    "Supporters of the opposition",
    "Firefighters",
    "Women",
    "Farmers",
    "Students",
    "Police officers",
    "Residents",
)
CAPTION_ACTIONS: tuple[str, ...] = (
    "gather outside the parliament",
    "wait for food aid",
    "march through the city centre",
    "inspect the damage",
    "carry the national flag",
    "queue to vote",
    "clear debris from a street",
    "take part in a vigil",
)
WEEKDAYS: tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

#: Boilerplate lines scrapers keep; ``{title}`` is filled with another headline.
BOILERPLATE: tuple[str, ...] = (
    "Advertisement",
    "ADVERTISEMENT",
    "Read more: {title}",
    "Also Read: {title}",
    "RELATED: {title}",
    "Share this article",
    "Share on Facebook",
    "Click to share on Twitter (Opens in new window)",
    "Sign up for our daily newsletter",
    "Subscribe to our newsletter to get the latest news in your inbox",
    "Continue reading the main story",
    "Story continues below advertisement",
    "Image caption",
    "We use cookies to improve your experience on our site.",
    "Follow us on Twitter and Facebook",
    "Comments",
)

#: Headlines of other stories (for "Read more:" lines and related links).
OTHER_HEADLINES: tuple[str, ...] = (
    "Five things to know about the new tax rules",
    "Opinion: The city deserves better buses",
    "Photos: A week of protests in pictures",
    "Heatwave expected to last until Sunday",
    "Local team wins the cup after extra time",
)
