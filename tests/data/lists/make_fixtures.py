"""Writes the list-file fixtures of tests/test_import_lists.py: small files in each official
layout, written by us. Entities are fictional (Redwood Vision, Bluefin Drones, Northwind...) or
real vendors with real listings the catalog cites (Hikvision, Huawei, Sugon on the Entity
List; the FCC Covered List rows). Run it again after changing a fixture."""

import csv
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

EU_COLUMNS = (
    "fileGenerationDate;Entity_LogicalId;Entity_EU_ReferenceNumber;Entity_UnitedNationId;"
    "Entity_DesignationDate;Entity_DesignationDetails;Entity_Remark;Entity_SubjectType;"
    "Entity_SubjectType_ClassificationCode;Entity_Regulation_Type;Entity_Regulation_OrganisationType;"
    "Entity_Regulation_PublicationDate;Entity_Regulation_EntryIntoForceDate;Entity_Regulation_NumberTitle;"
    "Entity_Regulation_Programme;Entity_Regulation_PublicationUrl;NameAlias_LastName;NameAlias_FirstName;"
    "NameAlias_MiddleName;NameAlias_WholeName;NameAlias_NameLanguage;NameAlias_Gender;NameAlias_Title;"
    "NameAlias_Function;NameAlias_LogicalId;NameAlias_RegulationLanguage;NameAlias_Remark;"
    "Address_City;Address_Street;Address_PoBox;Address_ZipCode;Address_Region;Address_Place;"
    "Address_AsAtListingTime;Address_ContactInfo;Address_CountryIso2Code;Address_CountryDescription;"
    "Address_LogicalId;Address_RegulationLanguage;Address_Remark"
).split(";")

UK_COLUMNS = (
    "Last Updated,Unique ID,OFSI Group ID,UN Reference Number,Name 6,Name 1,Name 2,Name 3,Name 4,"
    "Name 5,Name type,Alias strength,Title,Name non-latin script,Non-latin script type,"
    "Non-latin script language,Regime Name,Designation Type,Designation source,Sanctions Imposed,"
    "Other Information,UK Statement of Reasons,Address Line 1,Address Line 2,Address Line 3,"
    "Address Line 4,Address Line 5,Address Line 6,Address Postal Code,Address Country,Phone number,"
    "Website,Email address,Date Designated,D.O.B,Nationality(/ies),National Identifier number,"
    "National Identifier additional information,Passport number,Passport additional information,"
    "Position,Gender,Town of birth,Country of birth,Type of entity,Subsidiaries,Parent company,"
    "Business registration number (s),IMO number,Current owner/operator (s),"
    "Previous owner/operator (s),Current believed flag of ship,Previous flags,Type of ship,"
    "Tonnage of ship,Length of ship,Year Built,Hull identification number (HIN)"
).split(",")

CSL_COLUMNS = (
    "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,"
    "end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,"
    "gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,"
    "dates_of_birth,nationalities,places_of_birth,source_information_url,ids"
).split(",")
EL = "Entity List (EL) - Bureau of Industry and Security"
EL_URL = "https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern/entity-list"

CSL_ENTRIES = [
    dict(source=EL, name="Hangzhou Hikvision Digital Technology Co., Ltd.", addresses=[dict(city="Hangzhou", country="CN")],
         federal_register_notice="84 FR 54002", start_date="2019-10-09", alt_names=None),
    dict(source=EL, name="Dawning Information Industry Co., Ltd.", addresses=[dict(city="Beijing", country="CN")],
         federal_register_notice="84 FR 29371", start_date="2019-06-24", alt_names=["Sugon"]),
    dict(source=EL, name="Huawei Technologies Co., Ltd. (Huawei).  Affiliated Entity: Redwood Cloud Computing Co., Ltd.",
         addresses=[dict(city="Shenzhen", country="CN")], federal_register_notice="84 FR 22963",
         start_date="2019-05-16", alt_names=None),
    dict(source=EL, name="Redwood Vision Technology Co., Ltd.", addresses=[dict(city="Ningbo", country="CN")],
         federal_register_notice="90 FR 99999", start_date="2025-03-25",
         alt_names=["Redwood Vision", "RVT Security"]),
    dict(source=EL, name="Ningbo Example Drone Technology Co., Ltd.", addresses=[dict(city="Ningbo", country="CN")],
         federal_register_notice="90 FR 99999", start_date="2025-03-25", alt_names=None),
    dict(source=EL, name="Northwind Shipping Agency", addresses=[dict(city="Dalian", country="CN")],
         federal_register_notice="90 FR 99999", start_date="2025-03-25", alt_names=None),
    dict(source="Military End User (MEU) List - Bureau of Industry and Security", name="Bluefin Drones Inc.",
         addresses=[dict(city="Shenyang", country="CN")], federal_register_notice="85 FR 83799",
         start_date="2020-12-23", end_date="2024-05-02", alt_names=[]),
    dict(source="Specially Designated Nationals (SDN) - Treasury Department", type="Individual",
         name="EXAMPLOV, Ivan", start_date=None, alt_names=[]),
    dict(source="Denied Persons List (DPL) - Bureau of Industry and Security", name="Old Export Trading",
         start_date="2003-01-01", alt_names=[]),
]  # fmt: skip


def write_csl():
    doc = {
        "results": [{**e, "id": str(i), "source_list_url": EL_URL} for i, e in enumerate(CSL_ENTRIES)],
        "search_performed_at": "2026-11-30T08:00:00+00:00",
        "sources_used": [{"source": EL, "source_last_updated": "2026-11-28T10:00:00+00:00", "import_rate": "Hourly"}],
        "offset": 0,
        "total": len(CSL_ENTRIES),
    }
    with open(os.path.join(HERE, "csl.json"), "w", encoding="utf-8") as fh:
        json.dump(doc, fh, ensure_ascii=False, indent=1)
    with open(os.path.join(HERE, "csl.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, CSL_COLUMNS)
        w.writeheader()
        for i, e in enumerate(CSL_ENTRIES):
            addr = "; ".join(", ".join(v for v in a.values() if v) for a in e.get("addresses") or [])
            row = {k: v for k, v in e.items() if k in CSL_COLUMNS and not isinstance(v, list) and v is not None}
            w.writerow({**row, "_id": str(i), "addresses": addr, "alt_names": "; ".join(e.get("alt_names") or []),
                        "source_list_url": EL_URL})  # fmt: skip


FCC_ROWS = [
    ("Telecommunications equipment produced or provided by Huawei Technologies Company, including "
     "telecommunications or video surveillance services produced or provided by such entity or using such "
     "equipment.", "March 12, 2021"),
    ("Video surveillance and telecommunications equipment produced or provided by Hangzhou Hikvision Digital "
     "Technology Company, to the extent it is used for the purpose of public safety, security of government "
     "facilities, physical security surveillance of critical infrastructure, and other national security "
     "purposes, including telecommunications or video surveillance services produced or provided by such "
     "entity or using such equipment.", "March 12, 2021"),
    ("International telecommunications services provided by Pacific Networks Corp. and its wholly-owned "
     "subsidiary ComNet (USA) LLC subject to section 214 of the Communications Act of 1934.",
     "September 20, 2022"),
    ("Uncrewed aircraft systems (UAS) and UAS critical components produced in a foreign country, except "
     "devices which have been granted a Conditional Approval. All communications and video surveillance "
     "equipment and services listed in Section 1709(a)(1) of the FY25 National Defense Authorization Act "
     "(Pub. L. 118-159).", "December 22, 2025Updated: January 7, 2026"),
    ("Routers produced in a foreign country, except routers which have been granted a Conditional Approval "
     "by DoW or DHS.", "March 23, 2026"),
]  # fmt: skip


def write_fcc():
    with open(os.path.join(HERE, "fcc_covered.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Covered Equipment or Services*", "Date of Inclusion on Covered List"])
        w.writerows(FCC_ROWS)
    cells = "".join(
        f"<tr><td><p>{text}</p></td><td><p>{when.replace('Updated:', '<br>Updated:')}</p></td></tr>"
        for text, when in FCC_ROWS
    )
    page = (
        "<!DOCTYPE html><html><head><title>List of Equipment and Services Covered By Section 2 of The "
        "Secure Networks Act</title></head><body><h1>Covered List</h1><table><thead><tr><th>Covered "
        "Equipment or Services*</th><th>Date of Inclusion on Covered List</th></tr></thead><tbody>"
        f"{cells}</tbody></table></body></html>"
    )
    with open(os.path.join(HERE, "fcc_covered.html"), "w", encoding="utf-8") as fh:
        fh.write(page)


def write_1260h():
    rows = [
        ("2024-01-31", "Beijing Megvii Technology Co., Ltd. (Megvii)"),
        ("2024-01-31", "Hesai Technology Co., Ltd."),
        ("2024-01-31", "Redwood Optics Co., Ltd.*"),
        ("January 7, 2025", "Hesai Technology Co., Ltd."),
        ("January 7, 2025", "Redwood Vision Technology Co., Ltd. (RVT) (formerly Redwood Optics Co., Ltd.)"),
        ("January 7, 2025", "Quectel Wireless Solutions Co., Ltd."),
    ]
    docs = {"2024-01-31": "89 FR 7700", "January 7, 2025": "90 FR 1105"}
    with open(os.path.join(HERE, "dod_1260h.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["edition", "name", "document", "source_url"])
        for ed, name in rows:
            w.writerow([ed, name, docs[ed], "https://www.federalregister.gov/d/2025-00070"])


def write_uk():
    xml = """<?xml version="1.0" encoding="utf-8"?>
<Designations xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <DateGenerated>03/03/2026</DateGenerated>
  <Designation>
    <LastUpdated>24/02/2026</LastUpdated><DateDesignated>24/02/2026</DateDesignated><UniqueID>RUS9901</UniqueID>
    <Names>
      <Name><Name6>REDWOOD VISION TECHNOLOGY CO., LTD</Name6><NameType>Primary Name</NameType></Name>
      <Name><Name6>RVT SECURITY</Name6><NameType>Alias</NameType></Name>
    </Names>
    <RegimeName>The Russia (Sanctions) (EU Exit) Regulations 2019</RegimeName>
    <IndividualEntityShip>Entity</IndividualEntityShip><DesignationSource>UK</DesignationSource>
    <SanctionsImposed>Asset freeze|Trust services sanctions</SanctionsImposed>
    <UKStatementofReasons>Supplier of camera modules to the Russian military.</UKStatementofReasons>
    <Addresses><Address><AddressLine6>Ningbo</AddressLine6><AddressCountry>China</AddressCountry></Address></Addresses>
  </Designation>
  <Designation>
    <LastUpdated>12/01/2024</LastUpdated><DateDesignated>15/03/2022</DateDesignated><UniqueID>RUS9902</UniqueID>
    <Names><Name><Name1>Ivan</Name1><Name6>EXAMPLOV</Name6><NameType>Primary Name</NameType></Name></Names>
    <RegimeName>The Russia (Sanctions) (EU Exit) Regulations 2019</RegimeName>
    <IndividualEntityShip>Individual</IndividualEntityShip>
  </Designation>
</Designations>
"""
    with open(os.path.join(HERE, "uk_sanctions.xml"), "w", encoding="utf-8") as fh:
        fh.write(xml)
    with open(os.path.join(HERE, "uk_sanctions.csv"), "w", encoding="utf-8", newline="") as fh:
        fh.write("Report Date: 03-Mar-2026\n")
        w = csv.DictWriter(fh, UK_COLUMNS)
        w.writeheader()
        base = {"Unique ID": "RUS9901", "Regime Name": "The Russia (Sanctions) (EU Exit) Regulations 2019",
                "Designation Type": "Entity", "Date Designated": "24/02/2026", "Address Country": "China"}  # fmt: skip
        w.writerow({**base, "Name 6": "REDWOOD VISION TECHNOLOGY CO., LTD", "Name type": "Primary Name"})
        w.writerow({**base, "Name 6": "RVT SECURITY", "Name type": "Alias"})
        w.writerow({"Unique ID": "RUS9902", "Name 6": "EXAMPLOV", "Name 1": "Ivan", "Name type": "Primary Name",
                    "Designation Type": "Individual", "Date Designated": "15/03/2022"})  # fmt: skip
    ofsi = ("Name 6,Name 1,Name 2,Name 3,Name 4,Name 5,Title,Name Non-Latin Script,Non-Latin Script Type,"
            "Non-Latin Script Language,DOB,Town of Birth,Country of Birth,Nationality,Passport Number,"
            "Passport Details,National Identification Number,National Identification Details,Position,"
            "Address 1,Address 2,Address 3,Address 4,Address 5,Address 6,Post/Zip Code,Country,"
            "Other Information,Group Type,Alias Type,Alias Quality,Regime,Listed On,"
            "UK Sanctions List Date Designated,Last Updated,Group ID").split(",")  # fmt: skip
    with open(os.path.join(HERE, "ofsi_conlist.csv"), "w", encoding="cp1252", newline="") as fh:
        fh.write("Last Updated,03/03/2026\n")
        w = csv.DictWriter(fh, ofsi)
        w.writeheader()
        base = {"Country": "China", "Group Type": "Entity", "Regime": "Russia", "Listed On": "24/02/2026",
                "UK Sanctions List Date Designated": "24/02/2026", "Group ID": "99901"}  # fmt: skip
        w.writerow({**base, "Name 6": "REDWOOD VISION TECHNOLOGY CO., LTD", "Alias Type": "Primary name"})
        w.writerow({**base, "Name 6": "RVT SÉCURITÉ", "Alias Type": "AKA"})  # Windows-1252 é


def write_eu():
    xml = """<?xml version="1.0" encoding="UTF-8"?>
<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2026-03-03T18:00:00+01:00" globalFileId="900001">
  <sanctionEntity designationDate="2024-12-16" designationDetails="" unitedNationId="" euReferenceNumber="EU.9901.01" logicalId="990001">
    <regulation regulationType="amendment" organisationType="council" publicationDate="2024-12-16" entryIntoForceDate="2024-12-16" numberTitle="2024/9999 (OJ L 2024/9999)" programme="UKR" logicalId="990101">
      <publicationUrl>https://eur-lex.europa.eu/eli/reg_impl/2024/9999/oj</publicationUrl>
    </regulation>
    <subjectType code="enterprise" classificationCode="E"/>
    <nameAlias wholeName="Bluefin Drones Inc." nameLanguage="" strong="true" logicalId="990201"/>
    <nameAlias wholeName="Bluefin UAV" nameLanguage="EN" strong="true" logicalId="990202"/>
    <address city="Shenyang" countryIso2Code="CN" countryDescription="CHINA" logicalId="990301"/>
  </sanctionEntity>
  <sanctionEntity designationDate="2022-03-15" euReferenceNumber="EU.9902.02" logicalId="990002">
    <subjectType code="person" classificationCode="P"/>
    <nameAlias firstName="Ivan" lastName="Examplov" wholeName="Ivan Examplov" gender="M" strong="true" logicalId="990203"/>
  </sanctionEntity>
</export>
"""
    with open(os.path.join(HERE, "eu_fsf.xml"), "w", encoding="utf-8") as fh:
        fh.write(xml)
    with open(os.path.join(HERE, "eu_fsf.csv"), "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.DictWriter(fh, EU_COLUMNS, delimiter=";")
        w.writeheader()
        ent = {"fileGenerationDate": "03/03/2026", "Entity_LogicalId": "990001",
               "Entity_EU_ReferenceNumber": "EU.9901.01", "Entity_SubjectType": "E",
               "Entity_SubjectType_ClassificationCode": "enterprise", "Entity_Regulation_PublicationDate": "2024-12-16",
               "Entity_Regulation_NumberTitle": "2024/9999 (OJ L 2024/9999)",
               "Entity_Regulation_PublicationUrl": "https://eur-lex.europa.eu/eli/reg_impl/2024/9999/oj"}  # fmt: skip
        w.writerow({**ent, "NameAlias_WholeName": "Bluefin Drones Inc."})
        w.writerow({**ent, "NameAlias_WholeName": "Bluefin UAV"})
        w.writerow({**ent, "Address_City": "Shenyang", "Address_CountryIso2Code": "CN"})
        w.writerow({"fileGenerationDate": "03/03/2026", "Entity_LogicalId": "990002", "Entity_SubjectType": "P",
                    "Entity_SubjectType_ClassificationCode": "person", "NameAlias_WholeName": "Ivan Examplov"})  # fmt: skip


def write_plain():
    with open(os.path.join(HERE, "plain_list.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["LIST_ID", "LIST_NAME", "JURISDICTION", "AUTHORITY", "LEVEL", "NAME", "ALIASES", "COUNTRY",
                    "DATE_ADDED", "DOCUMENT", "SOURCE_URL", "NOTE"])  # fmt: skip
        w.writerow(["test_removal_order", "Test removal order (fictional)", "FR", "Test authority", "3",
                    "Bluefin Drones Inc.", "Bluefin", "US", "1 March 2026", "Order 2026-1",
                    "https://example.org/order-2026-1", "fictional list for tests"])  # fmt: skip
        w.writerow(["test_removal_order", "", "", "", "", "Northwind Lighting Ltd", "", "GB", "01/03/2026",
                    "Order 2026-1", "https://example.org/order-2026-1", ""])  # fmt: skip


USER_VENDORS = """vendor_id,name,short_name,country,bloc,parent_id,kind,wikidata,note,source,as_of
redwood_vision,"Redwood Vision Technology Co., Ltd.",Redwood Vision,CN,china,,manufacturer,,fictional vendor for tests,https://example.org/redwood,2026-12-01
bluefin_drones,Bluefin Drones Inc.,Bluefin Drones,US,west,,manufacturer,,fictional vendor for tests,https://example.org/bluefin,2026-12-01
"""


def write_user_catalog():
    folder = os.path.join(HERE, "user_catalog")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "vendors.csv"), "w", encoding="utf-8") as fh:
        fh.write(USER_VENDORS)


if __name__ == "__main__":
    write_csl()
    write_fcc()
    write_1260h()
    write_uk()
    write_eu()
    write_plain()
    write_user_catalog()
