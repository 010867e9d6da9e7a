<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis simplifyLocal="1" version="3.22.16-Białowieża" maxScale="0" styleCategories="AllStyleCategories" labelsEnabled="0" readOnly="0" simplifyDrawingTol="1" minScale="100000000" hasScaleBasedVisibilityFlag="0" simplifyDrawingHints="1" simplifyMaxScale="1" symbologyReferenceScale="-1" simplifyAlgorithm="0">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal fixedDuration="0" accumulate="0" endExpression="" durationField="" mode="0" limitMode="0" startField="" enabled="0" endField="" startExpression="" durationUnit="min">
    <fixedRange>
      <start></start>
      <end></end>
    </fixedRange>
  </temporal>
  <renderer-v2 type="singleSymbol" enableorderby="0" referencescale="-1" forceraster="0" symbollevels="0">
    <symbols>
      <symbol name="0" type="marker" clip_to_extent="1" alpha="1" force_rhr="0">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" type="QString" value=""/>
            <Option name="properties"/>
            <Option name="type" type="QString" value="collection"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <Option type="Map">
            <Option name="angle" type="QString" value="0"/>
            <Option name="cap_style" type="QString" value="square"/>
            <Option name="color" type="QString" value="31,120,180,255"/>
            <Option name="horizontal_anchor_point" type="QString" value="1"/>
            <Option name="joinstyle" type="QString" value="bevel"/>
            <Option name="name" type="QString" value="triangle"/>
            <Option name="offset" type="QString" value="0,0"/>
            <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0"/>
            <Option name="offset_unit" type="QString" value="MM"/>
            <Option name="outline_color" type="QString" value="255,255,255,255"/>
            <Option name="outline_style" type="QString" value="solid"/>
            <Option name="outline_width" type="QString" value="0"/>
            <Option name="outline_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0"/>
            <Option name="outline_width_unit" type="QString" value="MM"/>
            <Option name="scale_method" type="QString" value="diameter"/>
            <Option name="size" type="QString" value="2.6"/>
            <Option name="size_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0"/>
            <Option name="size_unit" type="QString" value="MM"/>
            <Option name="vertical_anchor_point" type="QString" value="1"/>
          </Option>
          <prop v="0" k="angle"/>
          <prop v="square" k="cap_style"/>
          <prop v="31,120,180,255" k="color"/>
          <prop v="1" k="horizontal_anchor_point"/>
          <prop v="bevel" k="joinstyle"/>
          <prop v="triangle" k="name"/>
          <prop v="0,0" k="offset"/>
          <prop v="3x:0,0,0,0,0,0" k="offset_map_unit_scale"/>
          <prop v="MM" k="offset_unit"/>
          <prop v="255,255,255,255" k="outline_color"/>
          <prop v="solid" k="outline_style"/>
          <prop v="0" k="outline_width"/>
          <prop v="3x:0,0,0,0,0,0" k="outline_width_map_unit_scale"/>
          <prop v="MM" k="outline_width_unit"/>
          <prop v="diameter" k="scale_method"/>
          <prop v="2.6" k="size"/>
          <prop v="3x:0,0,0,0,0,0" k="size_map_unit_scale"/>
          <prop v="MM" k="size_unit"/>
          <prop v="1" k="vertical_anchor_point"/>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value=""/>
              <Option name="properties"/>
              <Option name="type" type="QString" value="collection"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
    </symbols>
    <rotation/>
    <sizescale/>
  </renderer-v2>
  <customproperties>
    <Option/>
  </customproperties>
  <blendMode>0</blendMode>
  <featureBlendMode>0</featureBlendMode>
  <layerOpacity>1</layerOpacity>
  <geometryOptions removeDuplicateNodes="0" geometryPrecision="0">
    <activeChecks type="StringList">
      <Option type="QString" value=""/>
    </activeChecks>
    <checkConfiguration/>
  </geometryOptions>
  <legend type="default-vector" showLabelLegend="0"/>
  <referencedLayers/>
  <fieldConfiguration>
    <field name="fid" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="camera_id" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="type" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="fabricant" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="marque" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="modele" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="annee" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="cout" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="protocoles" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="vms" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="direction" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="angle" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="portee" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="camera_type" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="arrete" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="duree_conservation" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="reconnaissance_faciale" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="lapi" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="audio" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="hebergement" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="panneau" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias field="fid" name="" index="0"/>
    <alias field="camera_id" name="" index="1"/>
    <alias field="type" name="" index="2"/>
    <alias field="fabricant" name="" index="3"/>
    <alias field="marque" name="" index="4"/>
    <alias field="modele" name="" index="5"/>
    <alias field="annee" name="" index="6"/>
    <alias field="cout" name="" index="7"/>
    <alias field="protocoles" name="" index="8"/>
    <alias field="vms" name="" index="9"/>
    <alias field="direction" name="" index="10"/>
    <alias field="angle" name="" index="11"/>
    <alias field="portee" name="" index="12"/>
    <alias field="camera_type" name="" index="13"/>
    <alias field="arrete" name="" index="14"/>
    <alias field="duree_conservation" name="" index="15"/>
    <alias field="reconnaissance_faciale" name="" index="16"/>
    <alias field="lapi" name="" index="17"/>
    <alias field="audio" name="" index="18"/>
    <alias field="hebergement" name="" index="19"/>
    <alias field="panneau" name="" index="20"/>
  </aliases>
  <defaults>
    <default field="fid" expression="" applyOnUpdate="0"/>
    <default field="camera_id" expression="" applyOnUpdate="0"/>
    <default field="type" expression="" applyOnUpdate="0"/>
    <default field="fabricant" expression="" applyOnUpdate="0"/>
    <default field="marque" expression="" applyOnUpdate="0"/>
    <default field="modele" expression="" applyOnUpdate="0"/>
    <default field="annee" expression="" applyOnUpdate="0"/>
    <default field="cout" expression="" applyOnUpdate="0"/>
    <default field="protocoles" expression="" applyOnUpdate="0"/>
    <default field="vms" expression="" applyOnUpdate="0"/>
    <default field="direction" expression="" applyOnUpdate="0"/>
    <default field="angle" expression="" applyOnUpdate="0"/>
    <default field="portee" expression="" applyOnUpdate="0"/>
    <default field="camera_type" expression="" applyOnUpdate="0"/>
    <default field="arrete" expression="" applyOnUpdate="0"/>
    <default field="duree_conservation" expression="" applyOnUpdate="0"/>
    <default field="reconnaissance_faciale" expression="" applyOnUpdate="0"/>
    <default field="lapi" expression="" applyOnUpdate="0"/>
    <default field="audio" expression="" applyOnUpdate="0"/>
    <default field="hebergement" expression="" applyOnUpdate="0"/>
    <default field="panneau" expression="" applyOnUpdate="0"/>
  </defaults>
  <constraints>
    <constraint field="fid" exp_strength="0" constraints="3" notnull_strength="1" unique_strength="1"/>
    <constraint field="camera_id" exp_strength="0" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint field="type" exp_strength="0" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint field="fabricant" exp_strength="0" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint field="marque" exp_strength="0" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint field="modele" exp_strength="0" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint field="annee" exp_strength="0" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint field="cout" exp_strength="0" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint field="protocoles" exp_strength="0" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint field="vms" exp_strength="0" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint field="direction" exp_strength="0" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint field="angle" exp_strength="0" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint field="portee" exp_strength="0" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint field="camera_type" exp_strength="0" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint field="arrete" exp_strength="0" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint field="duree_conservation" exp_strength="0" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint field="reconnaissance_faciale" exp_strength="0" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint field="lapi" exp_strength="0" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint field="audio" exp_strength="0" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint field="hebergement" exp_strength="0" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint field="panneau" exp_strength="0" constraints="0" notnull_strength="0" unique_strength="0"/>
  </constraints>
  <constraintExpressions>
    <constraint field="fid" desc="" exp=""/>
    <constraint field="camera_id" desc="" exp=""/>
    <constraint field="type" desc="" exp=""/>
    <constraint field="fabricant" desc="" exp=""/>
    <constraint field="marque" desc="" exp=""/>
    <constraint field="modele" desc="" exp=""/>
    <constraint field="annee" desc="" exp=""/>
    <constraint field="cout" desc="" exp=""/>
    <constraint field="protocoles" desc="" exp=""/>
    <constraint field="vms" desc="" exp=""/>
    <constraint field="direction" desc="" exp=""/>
    <constraint field="angle" desc="" exp=""/>
    <constraint field="portee" desc="" exp=""/>
    <constraint field="camera_type" desc="" exp=""/>
    <constraint field="arrete" desc="" exp=""/>
    <constraint field="duree_conservation" desc="" exp=""/>
    <constraint field="reconnaissance_faciale" desc="" exp=""/>
    <constraint field="lapi" desc="" exp=""/>
    <constraint field="audio" desc="" exp=""/>
    <constraint field="hebergement" desc="" exp=""/>
    <constraint field="panneau" desc="" exp=""/>
  </constraintExpressions>
  <expressionfields/>
  <attributeactions/>
  <attributetableconfig sortExpression="" sortOrder="0" actionWidgetStyle="dropDown">
    <columns/>
  </attributetableconfig>
  <conditionalstyles>
    <rowstyles/>
    <fieldstyles/>
  </conditionalstyles>
  <storedexpressions/>
  <editform tolerant="1"></editform>
  <editforminit/>
  <editforminitcodesource>0</editforminitcodesource>
  <editforminitfilepath></editforminitfilepath>
  <editforminitcode><![CDATA[]]></editforminitcode>
  <featformsuppress>0</featformsuppress>
  <editorlayout>generatedlayout</editorlayout>
  <editable/>
  <labelOnTop/>
  <reuseLastValue/>
  <dataDefinedFieldProperties/>
  <widgets/>
  <previewExpression></previewExpression>
  <mapTip></mapTip>
  <layerGeometryType>0</layerGeometryType>
</qgis>
