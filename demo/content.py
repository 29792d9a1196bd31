"""The demo magazine as plain data: accounts, shows with their credits, critics and reviews.

Loaded by ``python manage.py load_demo``. Every review here was written for the demo; the
facts of ÉTOILE and Harbour Lights come from ``../shared/samples``, their prose does not.

Credits are ``(role, name)`` or ``(role, name, character)``, in billing order. A review's
``days_ago`` counts back from the moment the command runs (negative: that many days ahead,
i.e. scheduled); draft and in-review pieces have none.
"""

USERS = [
    {
        "username": "editor", "password": "editor-demo-pass", "group": "Editors",
        "first_name": "Margot", "last_name": "Ellery", "email": "editor@example.com",
    },
    {
        "username": "writer", "password": "writer-demo-pass", "group": "Writers",
        "first_name": "Sam", "last_name": "Adeyemi", "email": "writer@example.com",
    },
]

# Shows and people went live this many days before the command runs, ahead of every review.
CATALOGUE_DAYS_AGO = 240

BIOS = {
    "Siobhán O’Rourke": "Television critic. Grew up in Cork on sitcoms and Sunday-night dramas; never recovered.",
    "Ines Farrow-Baptiste": "Film critic with a weakness for long takes, small casts and anything filmed near water.",
    "Dev Raghunathan": "Genre critic: science fiction, horror and blockbusters, reviewed with love and without mercy.",
    "Hélène Marchetti": "Writes on European film and television from Paris and Brussels.",
    "Tomasz Wiśniewski": "Crime and thriller critic; has sat through every Nordic noir so you don’t have to.",
    "Amy Sherman-Palladino": "Writer, director and producer: Gilmore Girls, Bunheads, The Marvelous Mrs. Maisel.",
    "Catarina d’Almeida": "Portuguese writer-director whose films are rooted in Porto and the Douro valley.",
    "Zoë van der Berg": "Dutch-British actor, equally at home in period drama and contemporary thrillers.",
}

SHOWS = [
    {
        "title": "ÉTOILE", "kind": "series", "year": 2025, "countries": "US",
        "distributor": "Amazon Prime Video", "episodes": 8, "languages": "English, French",
        "synopsis": "Two storied ballet companies, one in New York and one in Paris, trade their star dancers "
        "for a season in a bid to stay solvent.",
        "tags": ["ballet", "comedy-drama"],
        "credits": [
            ("director", "Amy Sherman-Palladino"),
            ("director", "Daniel Palladino"),
            ("writer", "Amy Sherman-Palladino"),
            ("writer", "Daniel Palladino"),
            ("writer", "Jen Kirkman"),
            ("writer", "Isaac Oliver"),
            ("writer", "Thomas Ward"),
            ("creator", "Amy Sherman-Palladino"),
            ("creator", "Daniel Palladino"),
            ("cast", "Luke Kirby", "Jack McMillan"),
            ("cast", "Charlotte Gainsbourg", "Geneviève Lavigne"),
            ("cast", "Lou de Laâge", "Cheyenne Toussant"),
            ("cast", "Gideon Glick", "Tobias Bell"),
            ("cast", "David Alvarez"),
            ("cast", "Ivan du Pontavice", "Gabin"),
            ("cast", "Taïs Vinolo", "Mishi Duplessis"),
            ("cast", "David Haig"),
        ],
        "seasons": 1, "trailer": "youtube:Et01ePrev25",
        "season_rows": [{"number": 1, "year": 2025, "episodes": 8,
                         "synopsis": "The exchange begins: New York’s dancers land in Paris, and Paris’s in "
                                     "New York, each company sure it got the worse half of the deal."}],
        "episode_rows": [{"season": 1, "number": 1, "title": "Grand Jeté"},
                         {"season": 1, "number": 2, "title": "Second Position"},
                         {"season": 1, "number": 3, "title": "The Exchange"}],
    },
    {
        "title": "Harbour Lights", "kind": "film", "year": 2025, "countries": "Portugal/France",
        "distributor": "Mubi", "runtime_minutes": 118, "languages": "Portuguese, French",
        "synopsis": "A retired Douro ferry pilot and the granddaughter he barely knows spend a weekend "
        "on the river in Porto.",
        "tags": ["drama", "slow cinema"],
        "credits": [
            ("director", "Catarina d’Almeida"),
            ("writer", "Catarina d’Almeida"),
            ("writer", "山田 花子"),
            ("cast", "Joaquim de Sá", "Rui Tavares"),
            ("cast", "Leonor van der Linde", "Marta Tavares"),
            ("cast", "Tomás O'Brien-Reis"),
            ("cast", "Anaïs Kowalczyk"),
            ("music", "Ólafur Brynjarsson"),
        ],
    },
    {
        "title": "The Quiet Ledger", "kind": "film", "year": 2026, "countries": "UK",
        "distributor": "Curzon", "runtime_minutes": 104, "languages": "English",
        "synopsis": "A fraud detective close to retirement follows a rounding error into the accounts of "
        "a respectable charity.",
        "tags": ["crime", "thriller"],
        "credits": [
            ("director", "Niamh Gallagher-Shaw"),
            ("writer", "Ada Quennell"),
            ("cast", "Rhys Ellingham", "DS Colm Furey"),
            ("cast", "Zoë van der Berg", "Harriet Okoro"),
            ("cast", "Kofi Asante-Whyte", "Lionel Pask"),
            ("cinematography", "Ewa Sołtysiak"),
        ],
    },
    {
        "title": "Saltwater Choir", "kind": "series", "year": 2025, "countries": "UK/Ireland",
        "distributor": "BBC", "episodes": 6, "languages": "English, Irish",
        "synopsis": "In a Donegal fishing village, a reluctant homecomer takes charge of an ageing men’s choir.",
        "tags": ["drama", "music"],
        "credits": [
            ("creator", "Seán Ó Briain"),
            ("writer", "Seán Ó Briain"),
            ("director", "Orla Keaveney"),
            ("cast", "Aoife Ní Dhomhnaill", "Bríd Mulcahy"),
            ("cast", "Cormac O’Rourke", "Father Dessie Lyons"),
            ("cast", "Bernadette Mulqueen", "Nan Mulcahy"),
            ("music", "Róisín de Búrca"),
        ],
    },
    {
        "title": "The Ice Garden", "kind": "film", "year": 2026, "countries": "Japan",
        "distributor": "Mubi", "runtime_minutes": 97, "languages": "Japanese",
        "synopsis": "On a Hokkaido farm, a widower who builds a garden of ice each winter takes on a young helper.",
        "tags": ["drama", "slow cinema"],
        "credits": [
            ("director", "佐藤 美咲"),
            ("writer", "佐藤 美咲"),
            ("cast", "小林 由紀", "Haruka"),
            ("cast", "田中 健一", "Shōzō"),
            ("cinematography", "中村 蓮"),
            ("music", "Ólafur Brynjarsson"),
        ],
    },
    {
        "title": "Dead Reckoning Bay", "kind": "series", "year": 2026, "countries": "Canada",
        "distributor": "Netflix", "episodes": 10, "languages": "English, French",
        "synopsis": "A trawler drifts into a Nova Scotia harbour with its engine warm and nobody aboard.",
        "tags": ["crime", "thriller"],
        "credits": [
            ("creator", "Marguerite Delacroix-Haynes"),
            ("director", "Jonah Whitcombe"),
            ("cast", "Élise Tremblay-Côté", "Sgt Manon Pelletier"),
            ("cast", "Kofi Asante-Whyte", "Ezra Quill"),
            ("cast", "Lachlan Brearley", "Dr Tom Haskins"),
        ],
    },
    {
        "title": "Mothlight", "kind": "film", "year": 2025, "countries": "US",
        "distributor": "A24", "runtime_minutes": 92, "languages": "English",
        "synopsis": "Two sisters living in a decommissioned Oregon lighthouse hear something at the lamp-room glass.",
        "tags": ["horror"],
        "credits": [
            ("director", "Tobiah Kessler"),
            ("writer", "Tobiah Kessler"),
            ("cast", "Renée D’Arcy", "Wren"),
            ("cast", "Maddie Fenwick", "Cass"),
            ("cast", "Luis Ángel Ortega", "Father Amado"),
        ],
    },
    {
        "title": "Les Enfants du Périphérique", "kind": "film", "year": 2026, "countries": "France",
        "distributor": "Mubi", "runtime_minutes": 121, "languages": "French, Arabic",
        "synopsis": "Four teenagers from an estate beside the Paris ring road spend the summer before their last "
        "year at school.",
        "tags": ["drama", "coming of age"],
        "credits": [
            ("director", "Yasmina Benali-Roux"),
            ("writer", "Yasmina Benali-Roux"),
            ("writer", "François-Xavier Lemaître"),
            ("cast", "Ilyès Haddad", "Samir"),
            ("cast", "Clémence Aubertin", "Madame Ferrand"),
            ("cast", "Odile Vasseur"),
            ("music", "Hervé Lucchesi"),
        ],
    },
    {
        "title": "Orbit of Small Things", "kind": "series", "year": 2026, "countries": "US",
        "distributor": "Apple TV+", "episodes": 8, "languages": "English",
        "synopsis": "Six scientists on an ageing research station try, mostly in vain, to get along.",
        "tags": ["sci-fi", "comedy"],
        "credits": [
            ("creator", "Dana Okafor-Reyes"),
            ("writer", "Dana Okafor-Reyes"),
            ("writer", "Bram van der Wiel"),
            ("cast", "Priya Raman", "Dr Ines Calder"),
            ("cast", "Ngozi Adébáyọ̀", "Commander Ife Danjuma"),
            ("cast", "Jonah Whitcombe", "Milo"),
        ],
    },
    {
        "title": "Brass Tacks", "kind": "series", "year": 2024, "end_year": 2026, "countries": "UK",
        "distributor": "Channel 4", "seasons": 3, "episodes": 18, "languages": "English",
        "synopsis": "A South Yorkshire brass band stays one rehearsal from ruin and two from a fist fight.",
        "tags": ["comedy", "music"],
        "credits": [
            ("creator", "Gemma Pryce"),
            ("creator", "Olly Tennant"),
            ("writer", "Gemma Pryce"),
            ("writer", "Olly Tennant"),
            ("cast", "Gemma Pryce", "Jackie Tuck"),
            ("cast", "Ravi Chaudhry-Kemp", "Deepak"),
            ("cast", "Bernadette Mulqueen", "Aunt Vi"),
        ],
    },
    {
        "title": "Lindqvist & Daughters", "kind": "series", "year": 2026, "countries": "Sweden/Denmark",
        "distributor": "Netflix", "episodes": 6, "languages": "Swedish, Danish, English",
        "synopsis": "A family of Malmö undertakers start asking why a client’s injuries do not match the report.",
        "tags": ["crime", "thriller"],
        "credits": [
            ("creator", "Björn Åkesson"),
            ("director", "Małgorzata Nowak"),
            ("cast", "Karin Hedén", "Ingrid Lindqvist"),
            ("cast", "Astrid Møller-Holm", "Freja Lindqvist"),
            ("cast", "Søren Kjærgaard-Lund", "Inspector Dahl"),
        ],
    },
    {
        "title": "A Field Guide to Leaving", "kind": "film", "year": 2025, "countries": "US",
        "distributor": "Netflix", "runtime_minutes": 108, "languages": "English",
        "synopsis": "A woman drives her father’s ashes across America with the boyfriend she never knew he had.",
        "tags": ["comedy", "road movie"],
        "credits": [
            ("director", "Hannah Oyelaran"),
            ("writer", "Hannah Oyelaran"),
            ("writer", "Miles Corrigan"),
            ("cast", "Renée D’Arcy", "Tess"),
            ("cast", "Paul Westergaard", "Gus"),
            ("cast", "June Abernathy", "Marion"),
        ],
    },
    {
        "title": "바다의 시간", "kind": "film", "year": 2026, "countries": "South Korea",
        "distributor": "Curzon", "runtime_minutes": 112, "languages": "Korean",
        "synopsis": "A daughter comes home to Jeju when her mother, one of the island’s last divers, is injured.",
        "tags": ["drama", "slow cinema"],
        "credits": [
            ("director", "박지우"),
            ("writer", "박지우"),
            ("cast", "한수아", "Eun-jae"),
            ("cast", "오태윤", "Min-ho"),
            ("cinematography", "최은별"),
        ],
    },
    {
        "title": "Eleven Courses", "kind": "film", "year": 2025, "countries": "Denmark",
        "distributor": "Netflix", "runtime_minutes": 88, "languages": "Danish, English",
        "synopsis": "The last month of a tiny Copenhagen restaurant, from the pass to the dish pit.",
        "tags": ["documentary", "food"],
        "credits": [
            ("director", "Mette Kristoffersen-Bay"),
            ("producer", "Anders Ravnsbæk"),
            ("cinematography", "Ewa Sołtysiak"),
            ("music", "Ólafur Brynjarsson"),
        ],
    },
    {
        "title": "Nightshift at the Lumière", "kind": "series", "year": 2026, "countries": "France, Belgium",
        "distributor": "Canal+", "episodes": 8, "languages": "French",
        "synopsis": "The misfit staff of an all-night Brussels cinema keep it open until dawn, one film at a time.",
        "tags": ["comedy"],
        "credits": [
            ("creator", "Élodie Marchal"),
            ("creator", "Karim Bensaïd"),
            ("cast", "Jean-Baptiste Roussel-Duval", "Gaspard"),
            ("cast", "Clémence Aubertin", "Sylvie"),
            ("cast", "Odile Vasseur", "Mireille"),
        ],
    },
    {
        "title": "Wolf Moon Rising", "kind": "film", "year": 2026, "countries": "US",
        "distributor": "Universal Pictures", "runtime_minutes": 131, "languages": "English",
        "synopsis": "A disgraced soldier comes home to a Montana town besieged by werewolves.",
        "tags": ["horror", "action"],
        "credits": [
            ("director", "Brent Kowalski-Hale"),
            ("producer", "Dale Stromberg"),
            ("cast", "Jaxon Reade", "Cole Mercer"),
            ("cast", "Maddie Fenwick", "Dr Lily Shaw"),
            ("cast", "Luis Ángel Ortega", "Sheriff Vargas"),
        ],
    },
    {
        "title": "The Cartographer’s Wife", "kind": "film", "year": 2025, "countries": "UK",
        "distributor": "Mubi", "runtime_minutes": 126, "languages": "English, French",
        "synopsis": "In 1860s Dorset, a celebrated surveyor’s maps turn out to be drawn by his wife.",
        "tags": ["drama", "period drama"],
        "credits": [
            ("director", "Imogen Thackeray"),
            ("writer", "Imogen Thackeray"),
            ("cast", "Zoë van der Berg", "Eleanor Ashdown"),
            ("cast", "Edmund Fairweather-Lowe", "Henry Ashdown"),
            ("cast", "Anaïs Kowalczyk", "Madame Roux"),
            ("music", "Hervé Lucchesi"),
        ],
    },
    {
        "title": "The Understudies", "kind": "series", "year": 2026, "countries": "UK",
        "distributor": "BBC", "episodes": 6, "languages": "English",
        "synopsis": "Three West End understudies wait, every night, for a role they will almost never play.",
        "tags": ["comedy", "theatre"],
        "credits": [
            ("creator", "Priscilla Maunder"),
            ("writer", "Priscilla Maunder"),
            ("cast", "Rhys Ellingham", "Barnaby Quint"),
            ("cast", "Tunde Bakare-Ellis", "Femi"),
            ("cast", "Bernadette Mulqueen", "Dolly Haverstock"),
        ],
    },
    {
        "title": "Pale Horse Road", "kind": "film", "year": 2026, "countries": "Ireland",
        "distributor": "Curzon", "runtime_minutes": 103, "languages": "English, Irish",
        "synopsis": "A Connemara feud over a horse farm, told in the grammar of the western.",
        "tags": ["drama", "western"],
        "credits": [
            ("director", "Cathal Mac Aodha"),
            ("writer", "Cathal Mac Aodha"),
            ("cast", "Aoife Ní Dhomhnaill", "Nora Keane"),
            ("cast", "Cormac O’Rourke", "Tadhg Keane"),
            ("cinematography", "Ewa Sołtysiak"),
        ],
    },
    {
        "title": "Static Bloom", "kind": "series", "year": 2026, "countries": "Australia",
        "distributor": "Apple TV+", "episodes": 6, "languages": "English",
        "synopsis": "An outback radio telescope picks up a signal that turns out to describe a flower.",
        "tags": ["sci-fi"],
        "credits": [
            ("creator", "Mereana Tūhoe-Walker"),
            ("director", "Mereana Tūhoe-Walker"),
            ("cast", "Lachlan Brearley", "Rory Dunn"),
            ("cast", "Ngozi Adébáyọ̀", "Dr Sade Ilori"),
        ],
    },
]

# The scene each show's still is drawn as (demo/stills.py).
STILLS = {
    "ÉTOILE": "stage", "Harbour Lights": "coast", "The Quiet Ledger": "blinds", "Saltwater Choir": "coast",
    "The Ice Garden": "snow", "Dead Reckoning Bay": "coast", "Mothlight": "coast",
    "Les Enfants du Périphérique": "city", "Orbit of Small Things": "neon", "Brass Tacks": "stage",
    "Lindqvist & Daughters": "snow",
    "A Field Guide to Leaving": "road", "바다의 시간": "coast", "Eleven Courses": "blinds",
    "Nightshift at the Lumière": "city", "Wolf Moon Rising": "road", "The Cartographer’s Wife": "blinds",
    "The Understudies": "stage", "Pale Horse Road": "road", "Static Bloom": "neon",
}

REVIEWS = [
    {
        "show": "ÉTOILE", "critic": "Siobhán O’Rourke", "rating": 3.5, "featured": True,
        "status": "published", "days_ago": 2,
        "tags": ["ballet", "comedy-drama", "Amazon Prime Video"],
        "headline": "ÉTOILE: a grand jeté across the Atlantic that never quite lands",
        "standfirst": "The Palladinos shuttle between Manhattan and Paris in a ballet comedy that is gorgeous, "
        "garrulous and only now and then *in step* with itself.",
        "body": [
            "Within minutes of ÉTOILE’s opening, conversations are overlapping in two languages and the subtitles "
            "are sprinting to keep up. It is a fair introduction to the whole enterprise: handsome, hectic, "
            "talking at full tilt and quite content to leave its viewers a step or two behind.",
            "The set-up is elegant. Two venerable ballet companies, one in New York and one in Paris, are running "
            "short of money and patrons, so their directors strike a bargain: each will lend the other its most "
            "precious dancers for a season and hope the novelty sells tickets. Jack McMillan (Luke Kirby) runs "
            "the American house on nerves and charm; Geneviève Lavigne (Charlotte Gainsbourg) runs the French "
            "one with a shrug that could cut glass.",
            "Kirby, such a live wire as Lenny Bruce in the couple’s previous series, plays Jack as a man forever "
            "three sentences ahead of his own judgement. Gainsbourg is the real revelation, though. Better known "
            "for bruised, inward dramas, she turns out to have a bone-dry comic rhythm — a pause, a glance, a "
            "perfectly placed *non* — that the writers exploit with obvious delight.",
            "> We lend you our best, you lend us yours, and nobody says a word about the money.",
            "> And if your best fall in love with New York? Then, *mon cher*, we have lost only dancers.",
            "Their double act is the show’s spine, and it carries a great deal of weight. Around them the creators "
            "have gathered an ensemble so large that the opening credits feel like a company roll call. Cheyenne "
            "Toussant (Lou de Laâge), the prodigy Paris sends west, is all sharp elbows and sudden reversals, a "
            "dancer whose gift for making enemies rivals her talent. De Laâge plays her at a pitch that thrills "
            "in small doses and wears you out by the fourth hour.",
            "Elsewhere, the choreographer Tobias Bell (Gideon Glick), whose ideas arrive faster than anyone can "
            "rehearse them, finds an unlikely collaborator in the young Gabin (Ivan du Pontavice), and their "
            "scenes together have a tenderness the rest of the season too often trades for speed. Taïs Vinolo "
            "brings a sulky, funny precision to Mishi Duplessis, a wealthy student with firm views on which city "
            "she ought to be living in.",
            ">> A love letter written in a hurry",
            "What Amy Sherman-Palladino and Daniel Palladino have always done better than almost anyone is talk, "
            "and ÉTOILE talks constantly — in English, in French, sometimes in both within a single breath. When "
            "the rhythm catches, you remember how musical their writing can be, and a writers’ room that also "
            "includes Jen Kirkman, Isaac Oliver and Thomas Ward plainly relishes an insult volleyed across a "
            "language barrier. But the tempo rarely varies, and after a while the words blur into a pleasant, "
            "expensive hum.",
            "* * *",
            "The production, at least, is never less than ravishing. Filming in both cities gives the series a "
            "scale this team has not had before: rehearsal rooms drenched in winter light, backstage corridors "
            "that seem to run for blocks, costumes you want to pause and study. It is a world rendered with "
            "love, even when the stories passing through it feel thin.",
            "Oddly, for a show named after the highest rank a dancer can reach at the Paris Opera, there is less "
            "ballet than you might hope. When the camera does settle on a performance it is patient and wide and "
            "lets bodies carry the story; those sequences are the best thing here, and there should have been "
            "more of them. David Alvarez, a Tony-winning dancer, deserves far more of the floor than the scripts "
            "allow him, and David Haig is similarly stranded.",
            "Eight episodes leave little room for this many threads, and the closing hours lean on spectacle to "
            "tie them off. Some are simply dropped mid-step.",
            "For all that, it is hard to dislike a series this sincere about its subject. ÉTOILE feels like a "
            "love letter written in a hurry — too many postscripts, a few words crossed out — but a love letter "
            "all the same. If a second season learns to hold a pose, it could be something special.",
        ],
    },
    {
        "show": "Harbour Lights", "critic": "Ines Farrow-Baptiste", "rating": 3.5,
        "status": "published", "days_ago": 70,
        "tags": ["drama", "Portugal", "slow cinema"],
        "headline": "Harbour Lights lets the Douro do the talking",
        "standfirst": "Catarina d’Almeida’s patient Porto drama about a grandfather, a granddaughter and a river is "
        "slight, sincere and beautifully made.",
        "body": [
            "Some films announce their ambitions in the first reel. Harbour Lights prefers to wait, and then to "
            "wait a little longer, until the wash of a passing boat against a quay starts to feel like an event. "
            "It is a small film about a family and a river, and for most of its two hours it is content to let "
            "you sit with both.",
            "Rui Tavares (Joaquim de Sá) spent his working life steering ferries across the Douro; now he mostly "
            "watches them go by. When Marta Tavares (Leonor van der Linde) turns up in Porto after years of "
            "silence between their branches of the family, he does the one thing he knows how to do with her, "
            "which is to take her out on the water and explain it. De Sá is all weathered stillness; van der "
            "Linde, watchful and a little prickly, gives the film its pulse.",
            "Catarina d’Almeida, who wrote the script with 山田 花子, has a photographer’s eye for light on moving "
            "water, and the city looks at once ancient and newly rinsed. The screenplay is spare to the point of "
            "austerity — whole scenes pass on a dozen lines — but the silences are shaped, never empty.",
            "Tomás O'Brien-Reis brings a welcome lightness to the margins of the story, and Anaïs Kowalczyk, in a "
            "role best left undescribed, gives the film its one real jolt of grief. Ólafur Brynjarsson’s score, "
            "mostly cello and low brass, swells only when it has earned the right.",
            "None of this will convert anyone allergic to slow cinema, and at nearly two hours the pace sometimes "
            "tips from meditative into merely unhurried. But for anyone willing to match its tempo, Harbour "
            "Lights offers the rare pleasure of a film that trusts its audience to notice things.",
        ],
    },
    {
        "show": "The Quiet Ledger", "critic": "Tomasz Wiśniewski", "rating": 4.0,
        "status": "published", "days_ago": 9,
        "tags": ["crime", "thriller", "drama"],
        "headline": "The Quiet Ledger balances the books with cold precision",
        "standfirst": "A fraud inquiry becomes a slow-burning study of complicity in Niamh Gallagher-Shaw’s "
        "assured debut.",
        "body": [
            "There are no car chases in The Quiet Ledger and only one raised voice, which is why it lands like a "
            "thunderclap. Niamh Gallagher-Shaw’s first feature is a thriller about spreadsheets, and it grips "
            "harder than most films about bombs.",
            "DS Colm Furey (Rhys Ellingham) is a fraud detective two years from his pension who spots a rounding "
            "error in the accounts of a respectable Midlands charity. The error leads to another, and then to "
            "Harriet Okoro (Zoë van der Berg), the finance director, who may be a culprit, a scapegoat or the "
            "only honest person in the building. Ellingham and van der Berg play their interviews like a chess "
            "match in which both players suspect the board is rigged.",
            "Ada Quennell’s screenplay is generous with detail and stingy with explanation — keep up — and Ewa "
            "Sołtysiak’s camera finds a chilly beauty in strip lighting and filing rooms. Kofi Asante-Whyte, as "
            "a trustee whose charm curdles by degrees, is superb.",
            "The last act leans a touch too hard on coincidence, but the film’s moral bookkeeping is exact: "
            "nobody walks away clean, and nobody quite pays what they owe.",
        ],
    },
    {
        "show": "Saltwater Choir", "critic": "Siobhán O’Rourke", "rating": 4.5,
        "status": "published", "days_ago": 150,
        "tags": ["drama", "music", "BBC"],
        "headline": "Saltwater Choir finds harmony in a town that has lost its voice",
        "standfirst": "Seán Ó Briain’s six-part drama about a fishing village’s choir is the warmest thing on "
        "television this year, and one of the wisest.",
        "body": [
            "On paper, Saltwater Choir sounds like a Sunday-night comfort watch: a dwindling Donegal fishing "
            "village, a shuttered cannery, and a choir of ageing men who decide to enter a national competition. "
            "What Seán Ó Briain makes of it is stranger and far more moving.",
            "Bríd Mulcahy (Aoife Ní Dhomhnaill) comes home from Glasgow to clear her grandmother’s house and "
            "ends up, against every instinct, conducting the choir. Ní Dhomhnaill is superb at the slow thaw of "
            "a woman who has spent years being the most competent person in every room and has never once been "
            "thanked for it.",
            "The singing is the heart of it, and it was recorded live, cracks and all. Róisín de Búrca’s "
            "arrangements take old sea songs and hymns and strip them back until you can hear every breath; by "
            "the fourth episode the rehearsals carry more tension than most thrillers.",
            "Father Dessie Lyons (Cormac O’Rourke), a priest with more doubts than parishioners, gets the best "
            "lines, and Bernadette Mulqueen steals every scene as Nan, who has opinions about tempo and is "
            "usually right.",
            "If there is a flaw, it is that the final episode ties its bows a little too neatly. After five "
            "hours this generous, you won’t begrudge it a happy ending. Bring tissues, and possibly a tuning fork.",
        ],
    },
    {
        "show": "The Ice Garden", "critic": "Ines Farrow-Baptiste", "rating": 5.0,
        "status": "published", "days_ago": 41,
        "tags": ["slow cinema", "world cinema", "Mubi", "drama"],
        "headline": "The Ice Garden is a masterpiece of held breath",
        "standfirst": "佐藤 美咲’s Hokkaido tale of a widower and his winter helper is the year’s most quietly "
        "overwhelming film.",
        "body": [
            "Every winter, on a farm outside Asahikawa, an old man builds a garden out of ice. He cuts blocks "
            "from a frozen reservoir, carves them into lanterns and low walls, and watches the spring take them "
            "apart. 佐藤 美咲’s second feature spends one season with him, and by the end it has said more about "
            "grief than films three times its length.",
            "Shōzō (田中 健一) has barely spoken since his wife died. Haruka (小林 由紀), a landscape student who "
            "comes to help for a week and stays for three months, does not try to make him talk; she simply "
            "picks up a saw. The film is built from their shared labour, and from the small, almost invisible "
            "ways each begins to lean on the other.",
            "中村 蓮’s photography treats snow as a medium rather than a backdrop: blue at first light, ash-white "
            "by noon, faintly gold at the end of the day. Ólafur Brynjarsson’s sparse piano is used so rarely "
            "that each entrance lands like a change in the weather.",
            "Nothing here is rushed and nothing is wasted. It is a film about making beautiful things that "
            "cannot last, and it knows exactly what it is doing. See it on the biggest screen you can find.",
        ],
    },
    {
        "show": "Dead Reckoning Bay", "critic": "Tomasz Wiśniewski", "rating": 2.5,
        "status": "published", "days_ago": 22,
        "tags": ["thriller", "crime", "Netflix"],
        "headline": "Dead Reckoning Bay drifts off course",
        "standfirst": "A promising Nova Scotia mystery loses its bearings over ten overstuffed episodes.",
        "body": [
            "The first episode of Dead Reckoning Bay is excellent. A trawler comes back to harbour with nobody "
            "aboard and the engine still warm; a fog rolls in and refuses to lift for three days; a town of two "
            "thousand people starts looking at one another differently. You will want the second episode at once.",
            "Sgt Manon Pelletier (Élise Tremblay-Côté), a Québécoise officer posted somewhere she plainly does "
            "not want to be, is a good, flinty lead, and Tremblay-Côté makes her exasperation with the locals "
            "very funny. Kofi Asante-Whyte is magnetic as Ezra Quill, the boat’s owner, who is either grieving "
            "or lying.",
            "The trouble starts around episode four, when Marguerite Delacroix-Haynes’s scripts begin adding "
            "suspects the way a nervous cook adds salt. There is a smuggling plot, a cult plot, a property plot "
            "and a romance nobody asked for. By the time the solution arrives it has to be explained twice, and "
            "it still doesn’t quite hold water.",
            "Trimmed to six episodes this might have been a small gem. At ten, it is a decent first hour "
            "followed by a very long shrug.",
        ],
    },
    {
        "show": "Mothlight", "critic": "Dev Raghunathan", "rating": 3.0,
        "status": "published", "days_ago": 190,
        "tags": ["horror", "indie"],
        "headline": "Mothlight flutters between dread and daftness",
        "standfirst": "Tobiah Kessler’s lo-fi lighthouse horror is genuinely unsettling for an hour, then flies "
        "too close to the bulb.",
        "body": [
            "For its first hour, Mothlight is the most frightening film I have seen this year. Wren (Renée "
            "D’Arcy) lives with her younger sister Cass (Maddie Fenwick) in a decommissioned lighthouse on the "
            "Oregon coast, and something has started tapping on the lamp-room glass at night. Tobiah Kessler "
            "shoots almost everything in close-up and near-darkness, so the sound design does the heavy lifting "
            "— and it lifts a great deal.",
            "D’Arcy is terrific, all bitten nails and forced cheer, and Luis Ángel Ortega brings a sly warmth to "
            "Father Amado, the priest who visits with soup and suspicious questions. Restraint is the film’s "
            "strength: we glimpse wings, a flicker, a shape on the stairs, and imagination does the rest.",
            "Then the final act arrives and explains everything, with a mythology of ancient insects and a very "
            "literal closing image that drew giggles at my screening. It doesn’t undo what came before, but it "
            "lets a lot of the air out. Worth seeing for the first two-thirds; feel free to leave early.",
        ],
    },
    {
        "show": "Les Enfants du Périphérique", "critic": "Hélène Marchetti", "rating": 4.0,
        "status": "published", "days_ago": 112,
        "tags": ["drama", "world cinema", "Mubi"],
        "headline": "Les Enfants du Périphérique maps Paris from the outside in",
        "standfirst": "Yasmina Benali-Roux’s teenage drama, set in the shadow of the ring road, is angry, funny and "
        "tender in equal measure.",
        "body": [
            "The Boulevard Périphérique is usually the thing Parisian cinema drives past. Yasmina Benali-Roux "
            "parks on it. Her second feature follows four teenagers from an estate just outside the ring road "
            "through the summer before their final year at school, and treats their corner of the map as the "
            "centre of the world.",
            "Samir (Ilyès Haddad) wants to study architecture; everyone around him, his best friends included, "
            "finds this hilarious. Haddad, a newcomer found at an open casting, gives a performance of startling "
            "ease — the comic timing of a veteran, the silences of a much older man.",
            "Clémence Aubertin is excellent as Madame Ferrand, the exhausted teacher who sees in Samir what he "
            "cannot yet see in himself, and the screenplay, written with François-Xavier Lemaître, refuses to "
            "make her a saviour: she helps, and she also gets things wrong. Hervé Lucchesi’s score folds rap "
            "beats into a string quartet without ever sounding like a gimmick.",
            "At just over two hours it sags in the middle, and a subplot about a stolen scooter feels borrowed "
            "from a broader film. But the final ten minutes, on a bridge at dawn with the whole city humming "
            "below, are as good as anything in French cinema this year.",
        ],
    },
    {
        "show": "Orbit of Small Things", "critic": "Dev Raghunathan", "rating": 2.0,
        "status": "published", "days_ago": 30,
        "tags": ["sci-fi", "Apple TV+", "comedy-drama"],
        "headline": "Orbit of Small Things is lost in its own gravity",
        "standfirst": "A space-station dramedy with a lovely cast and a premise that keeps collapsing under its "
        "own whimsy.",
        "body": [
            "On paper, Orbit of Small Things is exactly the kind of science fiction I want more of: no invasions, "
            "no galactic empires, just six scientists on an ageing research station trying to get along. In "
            "practice it is so determined to be charming that it forgets to be about anything.",
            "Dr Ines Calder (Priya Raman) is a botanist growing lettuce in zero gravity and quietly falling "
            "apart; Raman is wonderful, and the show perks up whenever it lets her be sad rather than quirky. "
            "Commander Ife Danjuma (Ngozi Adébáyọ̀) gets far less to do, which is a crime, because Adébáyọ̀ "
            "delivers a deadpan put-down better than anyone else on screen.",
            "The problem is tone. Each episode builds to an emotional crisis and then defuses it with a gag, a "
            "montage or a song. Dana Okafor-Reyes and Bram van der Wiel clearly adore these characters, but "
            "adoration is not the same thing as stakes.",
            "There are lovely moments — a spacewalk scored to a music box, a furious row about the correct way "
            "to fold socks in microgravity — but eight episodes of lovely moments do not make a series. Two "
            "stars, both of them for the cast.",
        ],
    },
    {
        "show": "Brass Tacks", "critic": "Siobhán O’Rourke", "rating": None,
        "status": "published", "days_ago": 15,
        "tags": ["comedy", "sitcom", "music"],
        "headline": "Brass Tacks bows out with one last band-room blowout",
        "standfirst": "Three series in, the South Yorkshire brass-band sitcom signs off exactly as it lived: loud, "
        "daft and secretly tender.",
        "body": [
            "It has been a pleasure watching Brass Tacks grow from a scrappy pilot into one of the most reliable "
            "half-hours on British television, and the final series plays its greatest hits without ever "
            "sounding like a covers band. The band at its centre is, once again, one rehearsal from financial "
            "ruin and two from a fist fight.",
            "Jackie Tuck (Gemma Pryce), the band’s tyrannical conductor, finally gets a love life, and Pryce — "
            "who writes the show with Olly Tennant — plays the giddiness with real vulnerability. Deepak (Ravi "
            "Chaudhry-Kemp), the only trombonist under sixty, is still the funniest man on Channel 4, and "
            "Bernadette Mulqueen’s Aunt Vi gets a farewell speech that will flatten you.",
            "We don’t put stars on the last episodes of long-running shows; this one has earned the right not to "
            "be graded. Just watch it, ideally from the very first “Right, from the top.”",
        ],
    },
    {
        "show": "Lindqvist & Daughters", "critic": "Hélène Marchetti", "rating": 3.0,
        "status": "published", "days_ago": 55,
        "tags": ["crime", "thriller", "Netflix", "Nordic noir"],
        "headline": "Lindqvist & Daughters keeps Nordic noir in the family",
        "standfirst": "A funeral-parlour crime drama from Malmö that is never less than watchable and rarely more.",
        "body": [
            "The Lindqvists run a funeral home in Malmö, which gives the series a steady supply of bodies and "
            "an unusually grim line in family dinners. When a client arrives with injuries that don’t match the "
            "coroner’s report, Ingrid Lindqvist (Karin Hedén) starts asking questions that the police, in the "
            "weary shape of Inspector Dahl (Søren Kjærgaard-Lund), would rather she didn’t.",
            "Hedén is excellent: flinty, funny and privately terrified of what she might find. Astrid "
            "Møller-Holm, as her younger daughter Freja, is the show’s wild card, and Małgorzata Nowak directs "
            "their arguments with a real feel for the way families fight — sideways, over the washing-up.",
            "The case itself, though, follows the template too faithfully, right down to the frozen-lake climax "
            "and the sinister property developer. Björn Åkesson has built a fine house; it needs a more "
            "original ghost. A second series would be welcome, and it should take more risks.",
        ],
    },
    {
        "show": "A Field Guide to Leaving", "critic": "Tomasz Wiśniewski", "rating": 2.5,
        "status": "published", "days_ago": 171,
        "tags": ["comedy-drama", "Netflix"],
        "headline": "A Field Guide to Leaving takes the scenic route to nowhere",
        "standfirst": "Renée D’Arcy shines in a road-trip comedy that mistakes quirk for feeling.",
        "body": [
            "Tess (Renée D’Arcy) has three weeks to drive her estranged father’s ashes from Maine to a "
            "birdwatching hide in New Mexico, because that is what his will demands. Her travelling companion is "
            "Gus (Paul Westergaard), her father’s last and much younger boyfriend, whom she has never met. You "
            "can probably guess most of what follows.",
            "D’Arcy, so unnerving in Mothlight, is warm and wry here, and she and Westergaard spark nicely in "
            "the front seats. June Abernathy has one marvellous scene as a motel owner who has seen everything "
            "and approves of none of it. But Hannah Oyelaran and Miles Corrigan’s script keeps reaching for "
            "eccentricity — an emotional-support parrot, a karaoke confession — where honesty would do.",
            "It is pleasant, handsomely shot and entirely forgettable: a film to doze through on a long-haul "
            "flight. The birds, at least, are lovely.",
        ],
    },
    {
        "show": "바다의 시간", "critic": "Ines Farrow-Baptiste", "rating": 4.5,
        "status": "published", "days_ago": 5,
        "tags": ["slow cinema", "world cinema", "drama"],
        "headline": "바다의 시간 (Time of the Sea) is a tide worth waiting for",
        "standfirst": "박지우’s Jeju drama about a diving family and the daughter who left is patient, precise and "
        "devastating.",
        "body": [
            "The haenyeo, the women divers of Jeju, hold their breath for minutes at a time as they harvest the "
            "seabed. 박지우’s remarkable film moves to a similar rhythm: long stretches of calm, a sudden plunge, "
            "a slow return to the surface.",
            "Eun-jae (한수아) comes back from Seoul when her mother, one of the last divers in their village, is "
            "injured. Her mother wants her to take her place for a season; Eun-jae wants to sell the house. "
            "한수아 plays the standoff with a rigid politeness that slowly cracks, and the scenes of her learning "
            "to dive — failing, panicking, trying again — are quietly heroic.",
            "최은별’s underwater photography is astonishing, all green light and kelp and the muffled thud of a "
            "heartbeat. Above the surface, 오태윤 is touching as Min-ho, a fisherman with a long memory and too "
            "much to say.",
            "The ending is unexpectedly harsh and entirely earned. It will stay with you for days.",
        ],
    },
    {
        "show": "Eleven Courses", "critic": "Hélène Marchetti", "rating": None,
        "status": "published", "days_ago": 130,
        "tags": ["documentary", "food", "Netflix"],
        "headline": "Eleven Courses turns a kitchen into a pressure cooker",
        "standfirst": "A documentary about a Copenhagen restaurant’s last month is tasty, tense and a little "
        "undercooked.",
        "body": [
            "For eleven years a tiny restaurant in Copenhagen’s meatpacking district served one tasting menu to "
            "twenty-two diners a night. Eleven Courses follows its staff through the final month before closing, "
            "and Mette Kristoffersen-Bay’s camera is so unobtrusive that the cooks seem to forget it is there.",
            "The result is fly-on-the-wall film-making of a high order: a sous-chef weeping into a tray of "
            "langoustines, a dishwasher who turns out to be the sharpest critic in the building, a head chef "
            "who speaks almost entirely by raising one eyebrow. Ewa Sołtysiak’s close-ups of food are absurdly "
            "beautiful.",
            "What the film never quite does is ask why the place is closing, or what its prices and punishing "
            "hours cost the people who worked there. As a portrait it is delicious; as an inquiry it leaves you "
            "hungry. Like most documentaries we cover, it goes unrated.",
        ],
    },
    {
        "show": "Nightshift at the Lumière", "critic": "Hélène Marchetti", "rating": 3.5,
        "status": "published", "days_ago": 63,
        "tags": ["comedy", "comedy-drama"],
        "headline": "Nightshift at the Lumière is a midnight matinee worth staying up for",
        "standfirst": "A shabby Brussels picture house and its staff of misfits power a Franco-Belgian comedy with a "
        "surprisingly big heart.",
        "body": [
            "The Lumière is a single-screen cinema in Brussels that stays open all night, mostly because nobody "
            "has the heart to shut it. Its staff — a projectionist who refuses to learn digital, an usher "
            "writing a thousand-page novel, a manager in permanent denial — spend each episode keeping it alive "
            "until dawn.",
            "Gaspard (Jean-Baptiste Roussel-Duval), the projectionist, is the kind of grump sitcoms were "
            "invented for, and Roussel-Duval milks his tirades about aspect ratios for every drop. Sylvie "
            "(Clémence Aubertin), the manager, is the secret heart of the thing; Aubertin, so good in Les "
            "Enfants du Périphérique, proves just as deft at farce.",
            "Élodie Marchal and Karim Bensaïd give each episode a film of the night, and the plots rhyme "
            "playfully with whatever is on screen: a Hitchcock night brings a mysterious patron, a musical night "
            "a staff singalong. The conceit wears thin by episode six, but Odile Vasseur’s deadpan ticket-seller "
            "Mireille keeps the laughs coming.",
            "Not every gag lands, and the finale is sentimental to a fault. Still, there is something "
            "irresistible about a comedy this devoted to the pleasure of watching films in the dark with "
            "strangers.",
        ],
    },
    {
        "show": "Wolf Moon Rising", "critic": "Dev Raghunathan", "rating": 0.5,
        "status": "published", "days_ago": 98,
        "tags": ["horror", "blockbuster"],
        "headline": "Wolf Moon Rising howls at nothing for two hours and eleven minutes",
        "standfirst": "A werewolf blockbuster with the budget of a small nation and the scares of a screensaver.",
        "body": [
            "Roughly ninety minutes into Wolf Moon Rising, a computer-generated werewolf the size of a lorry "
            "leaps through a stained-glass window, and I realised I had checked my watch four times in the "
            "preceding scene. That is the whole review, really, but I am paid by the word.",
            "Cole Mercer (Jaxon Reade) is a disgraced special-forces soldier who comes home to Montana and finds "
            "the town besieged; Dr Lily Shaw (Maddie Fenwick) is the scientist who thinks a serum can cure the "
            "afflicted. Reade has two expressions, both of them a jaw. Fenwick, so good in Mothlight, is reduced "
            "to shouting exposition over the howling, and Luis Ángel Ortega wanders through as a sheriff who "
            "exists solely to be eaten.",
            "Brent Kowalski-Hale directs the action like a man working through a shopping list: explosion, slow "
            "motion, explosion. The wolves never look like anything but expensive pixels, and the film is not "
            "scary once. Half a star, for the stained glass.",
        ],
    },
    {
        "show": "The Cartographer’s Wife", "critic": "Ines Farrow-Baptiste", "rating": 4.0,
        "status": "published", "days_ago": 84,
        "tags": ["period drama", "drama", "Mubi"],
        "headline": "The Cartographer’s Wife charts a marriage’s hidden territory",
        "standfirst": "Zoë van der Berg is magnificent in Imogen Thackeray’s Victorian drama about the woman who "
        "really drew the maps.",
        "body": [
            "In 1860s Dorset, Henry Ashdown (Edmund Fairweather-Lowe) is fêted as the finest surveyor of his "
            "generation. The first turn of Imogen Thackeray’s elegant drama — revealed early, and hardly a twist "
            "at all — is that his wife Eleanor Ashdown (Zoë van der Berg) has been drawing his maps for years.",
            "What follows is not quite the revenge story you might expect. Thackeray is more interested in the "
            "odd intimacy of a partnership built on a lie, and in the way Eleanor’s gift is both her prison and "
            "her only freedom. Van der Berg gives a performance of enormous restraint; one glance at a misplaced "
            "contour line carries a lifetime of resentment.",
            "Anaïs Kowalczyk brings a welcome jolt of mischief as Madame Roux, a French engraver who sees "
            "through the arrangement at once, and Hervé Lucchesi’s score, all harpsichord and unease, is "
            "superb. Fairweather-Lowe has the hardest job, making a fraud sympathetic, and very nearly manages it.",
            "At over two hours it sometimes loses its way in the Dorset mist. But it ends on an image — a blank "
            "sheet, a steady hand — as satisfying as any this year.",
        ],
    },
    {
        "show": "The Understudies", "critic": "Siobhán O’Rourke", "rating": 4.0,
        "status": "published", "days_ago": -4,
        "tags": ["comedy", "BBC", "theatre"],
        "headline": "The Understudies steals the show from the wings",
        "standfirst": "Priscilla Maunder’s backstage comedy about three actors waiting for their big night is the "
        "BBC’s funniest new sitcom in years.",
        "body": [
            "Every night in the West End, somebody sits in a dressing room fully made up for a part they will "
            "almost certainly not play. The Understudies is about three of them, covering the leads in a "
            "lumbering revival of a Victorian melodrama, and it mines their boredom, envy and hope for some of "
            "the best jokes on television.",
            "Barnaby Quint (Rhys Ellingham) has covered the same role for four years and knows it better than "
            "the star; Femi (Tunde Bakare-Ellis) has only just arrived and cannot believe how little anyone "
            "does; and Dolly Haverstock (Bernadette Mulqueen) has been waiting for her moment since 1987. "
            "Ellingham, best known for brooding detectives, turns out to be a superb physical comedian.",
            "Priscilla Maunder writes backstage life with the precision of someone who has lived it, and the "
            "six half-hours fly by. The last episode, in which all three leads fall ill on the same night, is a "
            "farce of near-perfect construction.",
        ],
    },
    {
        "show": "Pale Horse Road", "critic": "Tomasz Wiśniewski", "rating": 3.0,
        "status": "in_review", "days_ago": None,
        "tags": ["drama", "western"],
        "headline": "Pale Horse Road rides a western into the west of Ireland",
        "standfirst": "A Connemara horse-farm feud borrows the grammar of the frontier to mixed but intriguing "
        "effect.",
        "body": [
            "Cathal Mac Aodha’s debut transplants the classic western to Connemara with surprising ease: the "
            "wide skies are there, the stranger riding into a hostile town, the feud over land that nobody can "
            "quite remember starting.",
            "Nora Keane (Aoife Ní Dhomhnaill) comes back to her father’s farm to find it promised to a "
            "neighbour, and her brother Tadhg (Cormac O’Rourke) unwilling to fight for it. Ní Dhomhnaill has a "
            "gunslinger’s stillness, and Ewa Sołtysiak shoots the bogland as if it were Monument Valley.",
            "The borrowing sometimes tips into pastiche — a standoff at a cattle mart plays almost as parody — "
            "and the last act is rushed. But it is a bold, handsome calling card.",
        ],
    },
    {
        "show": "Static Bloom", "critic": "Dev Raghunathan", "rating": 2.0,
        "status": "draft", "days_ago": None,
        "tags": ["sci-fi", "Apple TV+"],
        "headline": "Static Bloom tunes in to a very strange signal",
        "standfirst": "Notes towards a review of the Australian series about a radio telescope that starts "
        "receiving flowers.",
        "body": [
            "At a remote observatory in Western Australia, technician Rory Dunn (Lachlan Brearley) picks up a "
            "signal that, decoded, turns out to be the genetic sequence of a flower nobody has ever seen. Then "
            "the flowers start growing around the dishes.",
            "Dr Sade Ilori (Ngozi Adébáyọ̀), the astrobiologist sent to investigate, is the best thing in the "
            "first three episodes; Adébáyọ̀ brings the same dry authority she had in Orbit of Small Things, with "
            "far better material.",
            "Mereana Tūhoe-Walker’s direction is confident and the desert photography spectacular, but the back "
            "half of the season wobbles badly. More to follow once I have seen the finale.",
        ],
    },
    {
        "show": "ÉTOILE", "season": 1, "episode": 3, "critic": "Siobhán O’Rourke", "rating": 3.0,
        "status": "published", "days_ago": 1, "tags": ["ballet"],
        "headline": "Both companies count the cost of the swap",
        "standfirst": "The third hour slows down long enough to let its dancers, rather than its directors, "
        "do the talking.",
        "body": [
            "For two episodes the series has run its two cities like a relay race. Here it finally stops to "
            "watch a rehearsal all the way through, and the change of tempo suits everyone.",
            "Tobias Bell (Gideon Glick) tears up a ballet the night before its premiere, and the hour follows "
            "the company as it relearns the piece in a day. It is the closest ÉTOILE has come to showing how "
            "the work is actually done.",
            "Jack McMillan (Luke Kirby) spends most of it on the telephone to Paris, which is funnier than it "
            "sounds, and the cliffhanger is a good one.",
        ],
    },
]

# What each critic covers: the masthead page shows it beside their headshot.
BEATS = {
    "Siobhán O’Rourke": "Television: comedy, drama and the Sunday-night serial",
    "Ines Farrow-Baptiste": "Film: art-house, world cinema and documentary",
    "Dev Raghunathan": "Genre: science fiction, horror and the blockbuster",
    "Hélène Marchetti": "European film and television",
    "Tomasz Wiśniewski": "Crime, thrillers and Nordic noir",
}

# The magazine's own pages (pages/), live with the catalogue, linked from the footer in this order.
PAGES = [
    {
        "slug": "about", "title": "About", "footer_order": 1,
        "standfirst": "A magazine of film and television criticism, written slowly and meant to be read the "
        "same way.",
        "body": [
            "We review films and television the way a good friend recommends them: with reasons. A handful of "
            "reviews go up each week, each signed by the critic who wrote it, each about one film, one season "
            "or, now and then, one episode that deserves an evening of its own.",
            "We are independent. No distributor, streaming service or studio pays for a review, reads one "
            "before it is published, or has any say in what we cover. Screeners and press passes are accepted "
            "on that understanding, and a review says so when it was written from one.",
            "Ratings run from nought to five stars, in halves. They are a summary, not a verdict: the review "
            "is the argument, and a flawed three-star film a critic cannot stop thinking about may deserve "
            "more of your time than a tidy five.",
            "* * *",
            "Our style guide opens with one sentence, and everything else in it is commentary:",
            "> Say what you saw, say why it mattered, and leave the reader free to disagree.",
            "We correct our mistakes in public. When a review changes after it is published, the change is "
            "noted at the foot of the page with its date, and readers who follow us by RSS or Atom receive "
            "the corrected text.",
            "The people who write for us are on the masthead; how to reach them, and us, is on the contact "
            "page.",
        ],
    },
    {
        "slug": "masthead", "title": "Masthead", "footer_order": 2, "masthead": True,
        "standfirst": "The critics and editors who make the magazine.",
        "body": [
            "Every review we publish is signed. Each critic below has a page of their own, with everything "
            "they have written for us, and a feed that brings their next review to your reader the moment it "
            "is published.",
            "The magazine is edited by Margot Ellery, who commissions and edits every review, with Sam "
            "Adeyemi on the desk: the schedule, the corrections and the ever-growing index of people and "
            "shows.",
            "A beat is a habit, not a fence. Our critics write about whatever moves them, and the best "
            "reviews are often the ones written a long way from home.",
        ],
    },
    {
        "slug": "contact", "title": "Contact", "footer_order": 3,
        "standfirst": "How to reach the desk, a critic, or whoever can put a mistake right.",
        "body": [
            "Letters about a review are welcome, and the best of them are passed on to the critic who wrote "
            "it. Write to letters@example.com and say which review you mean; we read everything, though we "
            "cannot answer every message.",
            "To report an error of fact (a misspelt name, a wrong year, a character credited to the wrong "
            "actor) write to corrections@example.com. The correction is published at the foot of the review, "
            "with the date it was made.",
            "Publicists and distributors can reach the desk at desk@example.com. We are glad to hear about "
            "new films and series, but please send no attachments and do not chase a review: when we write "
            "about something, it is because a critic wanted to.",
            "* * *",
            "We do not take pitches for paid or *sponsored* pieces, and nothing on this site is advertising "
            "in disguise.",
        ],
    },
    {
        "slug": "privacy", "title": "Privacy", "footer_order": 4,
        "standfirst": "What the magazine knows about its readers, which is very little.",
        "body": [
            "Reading the magazine needs no account, and readers are not tracked. There are no advertising "
            "networks, no analytics scripts and no third-party cookies on any of our pages.",
            "Our servers keep ordinary logs (the address a request came from, the page it asked for and the "
            "time) for fourteen days, to keep the site running and to stop abuse such as a flood of searches "
            "from one address. They are not shared with anyone, and never used to build a profile of you.",
            "A trailer is shown as a still of our own. Nothing is asked of YouTube or Vimeo until you press "
            "play; from then on the video is theirs, loaded from their privacy-enhanced address, and their "
            "policy applies to it.",
            "If you write to us, we keep your message only as long as we need it to answer, or to print a "
            "letter you have agreed to let us publish.",
            "Questions about this page go to privacy@example.com.",
        ],
    },
]
